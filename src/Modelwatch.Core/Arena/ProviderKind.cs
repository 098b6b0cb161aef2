namespace Modelwatch.Core.Arena;

/// <summary>The wire protocol a provider speaks; decides which chat client and which model listing are used.</summary>
public enum ProviderKind
{
    /// <summary>OpenAI's chat completions API, which OpenRouter, Groq, vLLM, Ollama, llama.cpp and others copy.</summary>
    OpenAiCompatible,

    /// <summary>Anthropic's messages API.</summary>
    Anthropic,
}
