using Microsoft.Extensions.Configuration;
using Modelwatch.Web.Features.Access;

namespace Modelwatch.Web.Tests.Features.Access;

public sealed class AccessModeResolverTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", AccessMode.Solo)]
    [InlineData("http://localhost:5000;https://localhost:5001", AccessMode.Solo)]
    [InlineData("http://[::1]:5080", AccessMode.Solo)]
    [InlineData("http://127.0.0.2:80", AccessMode.Solo)]
    [InlineData("http://0.0.0.0:5080", AccessMode.Team)]
    [InlineData("http://*:8080", AccessMode.Team)]
    [InlineData("http://+:80", AccessMode.Team)]
    [InlineData("http://[::]:80", AccessMode.Team)]
    [InlineData("http://192.168.1.20:5080", AccessMode.Team)]
    [InlineData("http://127.0.0.1:5080;http://10.0.0.5:5080", AccessMode.Team)]
    [InlineData("http://modelwatch.example:80", AccessMode.Team)]
    public void Solo_only_when_every_address_is_loopback(string urls, AccessMode expected) =>
        Assert.Equal(expected, AccessModeResolver.FromAddresses(urls.Split(';')));

    [Fact]
    public void No_address_at_all_is_not_taken_for_loopback() =>
        Assert.Equal(AccessMode.Team, AccessModeResolver.FromAddresses([]));

    [Fact]
    public void Kestrel_endpoints_win_over_urls_which_win_over_ports()
    {
        var endpoints = Configuration(new()
        {
            ["Kestrel:Endpoints:Http:Url"] = "http://0.0.0.0:5080",
            ["urls"] = "http://127.0.0.1:5080",
        });
        Assert.Equal(["http://0.0.0.0:5080"], AccessModeResolver.ListenAddresses(endpoints));
        Assert.Equal(AccessMode.Team, AccessModeResolver.Resolve(AccessMode.Auto, endpoints));

        var urls = Configuration(new() { ["urls"] = "http://127.0.0.1:5080", ["http_ports"] = "8080" });
        Assert.Equal(AccessMode.Solo, AccessModeResolver.Resolve(AccessMode.Auto, urls));

        // The .NET container images set ASPNETCORE_HTTP_PORTS=8080, which binds every interface.
        var ports = Configuration(new() { ["http_ports"] = "8080" });
        Assert.Equal(["http://*:8080"], AccessModeResolver.ListenAddresses(ports));
        Assert.Equal(AccessMode.Team, AccessModeResolver.Resolve(AccessMode.Auto, ports));

        // Nothing configured: Kestrel listens on http://localhost:5000.
        Assert.Equal(AccessMode.Solo, AccessModeResolver.Resolve(AccessMode.Auto, Configuration([])));
    }

    [Fact]
    public void A_configured_mode_is_kept_whatever_the_addresses()
    {
        var loopback = Configuration(new() { ["urls"] = "http://127.0.0.1:5080" });
        Assert.Equal(AccessMode.Team, AccessModeResolver.Resolve(AccessMode.Team, loopback));
        var everywhere = Configuration(new() { ["urls"] = "http://0.0.0.0:5080" });
        Assert.Equal(AccessMode.Solo, AccessModeResolver.Resolve(AccessMode.Solo, everywhere));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
