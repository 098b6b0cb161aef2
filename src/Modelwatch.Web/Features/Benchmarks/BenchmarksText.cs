namespace Modelwatch.Web.Features.Benchmarks;

/// <summary>Marker for the benchmarks page's strings (<c>BenchmarksText.resx</c>, <c>BenchmarksText.ko.resx</c>).</summary>
public sealed class BenchmarksText;
