using Modelwatch.Import.Catalog;

namespace Modelwatch.Import.Tests.Catalog;

public class OsiLicencesTests
{
    [Theory]
    [InlineData("MIT")]
    [InlineData("apache-2.0")]
    [InlineData("Apache 2.0")]
    [InlineData("Apache License 2.0")]
    [InlineData("GPL-3.0-only")]
    [InlineData("bsd-3-clause")]
    public void OSI_approved_licences_in_their_usual_spellings_are_recognised(string licence) =>
        Assert.True(OsiLicences.IsApproved(licence));

    [Theory]
    [InlineData("llama3.1")]
    [InlineData("gemma")]
    [InlineData("CC-BY-NC-4.0")]
    [InlineData("other")]
    [InlineData("Proprietary")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_licences_are_not(string? licence) => Assert.False(OsiLicences.IsApproved(licence));
}
