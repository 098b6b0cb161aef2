namespace Modelwatch.Cli.Tests;

internal static class SharedFiles
{
    public const string Arena140k = "data/arena/arena-human-preference-140k/battles.csv.gz";
    public const string PublishedTop10 = "data/arena/arena-human-preference-140k/published_arena_rank_readme_top10.csv";
    public const string Llmfao = "data/arena/llmfao/llmfao.csv";
    public const string LlmfaoGolden = "data/arena/llmfao/llmfao-golden.csv";
}
