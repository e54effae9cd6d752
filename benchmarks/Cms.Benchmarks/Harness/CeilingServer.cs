using System.Diagnostics;
using System.Globalization;
using Cms.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Cms.Benchmarks.Harness;

/// <summary>
/// The ceiling: bare Kestrel answering with fixed bytes, nothing else, in its own process (this program's
/// <c>ceiling-server</c> command), measured in the same run as the CMS.
/// </summary>
internal sealed class CeilingServer : ServerProcess
{
    /// <summary>Starts the ceiling answering <c>/article</c> and <c>/list</c> with these bytes, and <c>/not-modified</c> with a 304.</summary>
    public static async Task<CeilingServer> StartAsync(string folder, byte[] article, byte[] list)
    {
        var articleFile = Path.Combine(folder, "article.json");
        var listFile = Path.Combine(folder, "list.json");
        await File.WriteAllBytesAsync(articleFile, article);
        await File.WriteAllBytesAsync(listFile, list);
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet", [typeof(CeilingServer).Assembly.Location, "ceiling-server", port.ToString(CultureInfo.InvariantCulture), articleFile, listFile]);
        var server = new CeilingServer();
        var url = new Uri($"http://127.0.0.1:{port}/");
        await server.StartAsync(start, url, async client => (await client.GetAsync(new Uri(url, "/article"))).IsSuccessStatusCode);
        return server;
    }

    /// <summary>Serves the ceiling until stopped (the <c>ceiling-server</c> command).</summary>
    public static async Task ServeAsync(int port, string articleFile, string listFile)
    {
        var article = await File.ReadAllBytesAsync(articleFile);
        var list = await File.ReadAllBytesAsync(listFile);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var app = builder.Build();
        app.Map("/article", (HttpContext http) => WriteAsync(http, article));
        app.Map("/list", (HttpContext http) => WriteAsync(http, list));
        app.Map("/not-modified", (HttpContext http) =>
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        });
        await app.RunAsync();
    }

    private static async Task WriteAsync(HttpContext http, byte[] body)
    {
        if (HttpMethods.IsPost(http.Request.Method))
        {
            // Read the request as the CMS must, so both sides pay for receiving it.
            await http.Request.Body.CopyToAsync(Stream.Null);
        }

        http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body);
    }
}
