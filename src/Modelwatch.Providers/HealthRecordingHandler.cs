using System.Globalization;

namespace Modelwatch.Providers;

/// <summary>
/// Outermost handler of a provider's HTTP client: sees the final outcome after retries and the breaker, so one
/// user request counts once in the provider's health, not once per attempt.
/// </summary>
internal sealed class HealthRecordingHandler(string provider, ProviderHealthTracker health) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                health.RecordSuccess(provider);
            }
            else
            {
                health.RecordFailure(provider, string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}"));
            }

            return response;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            health.RecordFailure(provider, e.GetType().Name);
            throw;
        }
    }
}
