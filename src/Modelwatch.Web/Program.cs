using Modelwatch.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddModelwatch();

var app = builder.Build();
app.UseModelwatch();
app.MapModelwatch();

await app.RunAsync();

/// <summary>The web app's entry point (public for <c>WebApplicationFactory</c> in the tests).</summary>
public partial class Program;
