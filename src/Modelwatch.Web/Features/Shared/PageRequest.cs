using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Modelwatch.Web.Features.Shared;

/// <summary>
/// One page of a list, for every paged endpoint and page: the same bounds, the same error, the same query-string
/// reading.
/// </summary>
/// <param name="Number">1-based page number.</param>
/// <param name="Size">Rows per page.</param>
public readonly record struct PageRequest(int Number, int Size)
{
    /// <summary>The most rows one request may ask for.</summary>
    public const int MaxSize = 1000;

    /// <summary>The page an API request asks for; a 400 problem when it asks for page &lt; 1 or a size outside 1..<see cref="MaxSize"/>.</summary>
    /// <param name="page">The <c>page</c> parameter (default 1).</param>
    /// <param name="pageSize">The <c>pageSize</c> parameter (default <paramref name="defaultSize"/>).</param>
    /// <param name="defaultSize">Rows per page when the request does not say.</param>
    /// <param name="request">The page, when valid.</param>
    /// <returns>Null when valid, else the problem to answer with.</returns>
    public static ProblemHttpResult? TryCreate(int? page, int? pageSize, int defaultSize, out PageRequest request)
    {
        request = new PageRequest(page ?? 1, pageSize ?? defaultSize);
        return request.Size is < 1 or > MaxSize || request.Number < 1
            ? TypedResults.Problem(detail: $"page must be ≥ 1 and pageSize between 1 and {MaxSize}.", statusCode: StatusCodes.Status400BadRequest)
            : null;
    }

    /// <summary>
    /// The page number of a Razor page's <c>?page=</c>, 1 when absent or not a positive number. Read from the query
    /// string because Razor Pages binds a property named <c>page</c> to its own route value.
    /// </summary>
    /// <param name="request">The page's request.</param>
    public static int NumberFromQuery(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return int.TryParse(request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Math.Max(1, page) : 1;
    }

    /// <summary>How many pages <paramref name="total"/> rows fill (at least one, shown even when empty).</summary>
    public static int Count(int total, int size) => Math.Max(1, (total + size - 1) / size);

    /// <summary>This page's rows of <paramref name="rows"/>.</summary>
    public IEnumerable<T> Of<T>(IEnumerable<T> rows) => rows.Skip((Number - 1) * Size).Take(Size);
}
