using Modelwatch.Core.Advisor;
using Modelwatch.Core.Catalog;

namespace Modelwatch.Core.Tests.Advisor;

public sealed class LicenceTermsTests
{
    [Theory]
    // OSI licences: both, whatever the class says about open weights.
    [InlineData(LicenceClass.OpenSource, "Apache-2.0", true, true)]
    [InlineData(LicenceClass.OpenSource, null, true, true)]
    [InlineData(LicenceClass.OpenWeights, "MIT", true, true)]
    // Known open-weights licences by id, as the fixtures spell them.
    [InlineData(LicenceClass.OpenWeights, "Llama 3.1 Community License", true, true)]
    [InlineData(LicenceClass.OpenWeights, "llama3.2", true, true)]
    [InlineData(LicenceClass.OpenWeights, "gemma", true, true)]
    [InlineData(LicenceClass.OpenWeights, "qwen", true, true)]
    [InlineData(LicenceClass.OpenWeights, "tongyi-qianwen", true, true)]
    [InlineData(LicenceClass.OpenWeights, "deepseek", true, true)]
    [InlineData(LicenceClass.OpenWeights, "Modified MIT", true, true)]
    // Research and non-commercial licences: run it yourself, do not sell it.
    [InlineData(LicenceClass.OpenWeights, "CC-BY-NC-4.0", true, false)]
    [InlineData(LicenceClass.OpenWeights, "CC-BY-NC", true, false)]
    [InlineData(LicenceClass.OpenWeights, "mrl", true, false)]
    [InlineData(LicenceClass.OpenWeights, "Mistral Research License", true, false)]
    [InlineData(LicenceClass.OpenWeights, "Mistral Research License (MRL) for research; Mistral Commercial License for commercial use", true, false)]
    [InlineData(LicenceClass.OpenWeights, "MNPL-0.1", true, false)]
    [InlineData(LicenceClass.OpenWeights, "some-non-commercial-licence", true, false)]
    // Unknown or unrecognised: not known, so it fails a stated constraint.
    [InlineData(LicenceClass.OpenWeights, null, true, null)]
    [InlineData(LicenceClass.OpenWeights, "NexusFlow", true, null)]
    [InlineData(LicenceClass.Unknown, "Apache-2.0", null, null)]
    [InlineData(LicenceClass.Unknown, null, null, null)]
    // Proprietary: no weights; the API is sold for commercial use.
    [InlineData(LicenceClass.Proprietary, null, false, true)]
    [InlineData(LicenceClass.Proprietary, "MIT", false, true)]
    public void Terms_follow_the_class_and_the_licence_id(LicenceClass licence, string? id, bool? selfHost, bool? commercial)
    {
        var terms = LicenceTerms.Of(licence, id);

        Assert.Equal(selfHost, terms.SelfHost);
        Assert.Equal(commercial, terms.Commercial);
        Assert.False(string.IsNullOrWhiteSpace(terms.Why));
    }

    [Fact]
    public void Llama_terms_name_the_700_million_user_clause()
    {
        Assert.Contains("700 million", LicenceTerms.Of(LicenceClass.OpenWeights, "Llama 4 Community License Agreement").Why, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reason_names_the_licence()
    {
        Assert.Contains("CC-BY-NC-4.0", LicenceTerms.Of(LicenceClass.OpenWeights, "CC-BY-NC-4.0").Why, StringComparison.Ordinal);
    }
}
