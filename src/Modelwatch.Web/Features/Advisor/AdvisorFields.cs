using Modelwatch.Core.Advisor;
using Modelwatch.Core.Advisor.Parsing;

namespace Modelwatch.Web.Features.Advisor;

/// <summary>Reads an advisor question from a request's query string: every key with each of its values.</summary>
public static class AdvisorFields
{
    /// <summary>The query's fields as <see cref="AdvisorQuery.Parse"/> takes them.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Of(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.SelectMany(q => q.Value.Count == 0 ? [new KeyValuePair<string, string?>(q.Key, null)] : q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
    }

    /// <summary>The question in <paramref name="query"/>.</summary>
    /// <exception cref="AdvisorQueryException">A field cannot be read; the exception names it.</exception>
    public static AdvisorRequest Parse(IQueryCollection query) => AdvisorQuery.Parse(Of(query));
}
