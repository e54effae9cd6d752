using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Cms.Model.Webhooks;
using Microsoft.Extensions.Options;

namespace Cms.Api.Webhooks;

/// <summary>
/// Posts deliveries. The connection step resolves the receiver's name itself, refuses it when any address it resolves to
/// breaks <see cref="WebhookAddressRules"/>, and connects to an address it checked, so a name cannot resolve to a public
/// address for the check and to a private one for the connection. No proxy, no redirects, no cookies; the response is
/// read up to a bound.
/// </summary>
public sealed class SafeWebhookSender : IWebhookSender, IDisposable
{
    private const int LoggedCharacters = WebhookAttempt.MaxResponseLength;

    private readonly WebhookAddressRules _rules;
    private readonly IWebhookHostResolver _resolver;
    private readonly WebhookOptions _options;
    private readonly HttpClient _client;

    public SafeWebhookSender(WebhookAddressRules rules, IWebhookHostResolver resolver, IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rules = rules;
        _resolver = resolver;
        _options = options.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = _options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            MaxConnectionsPerServer = Math.Max(_options.MaxConcurrentDeliveries, 2),
            ConnectCallback = ConnectCheckedAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Cms-Webhooks/1.0");
    }

    public async Task<WebhookResponse> SendAsync(Uri url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(headers);
        var started = Stopwatch.GetTimestamp();
        if (_rules.Refusal(url) is { } refusal)
        {
            return new WebhookResponse(null, TimeSpan.Zero, null, refusal, Refused: true);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var start = await ReadStartAsync(response, timeout.Token);
            var status = (int)response.StatusCode;
            var error = status switch
            {
                >= 200 and < 300 => null,
                >= 300 and < 400 => $"HTTP {status}: redirects are not followed; give the final URL.",
                _ => $"HTTP {status}",
            };
            return new WebhookResponse(status, Stopwatch.GetElapsedTime(started), start, error, RetryAfterOf(response));
        }
        catch (Exception exception) when (FindRefusal(exception) is { } refused)
        {
            return new WebhookResponse(null, Stopwatch.GetElapsedTime(started), null, refused.Message, Refused: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookResponse(null, Stopwatch.GetElapsedTime(started), null, $"No answer within {_options.Timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException exception)
        {
            return new WebhookResponse(null, Stopwatch.GetElapsedTime(started), null, $"Connection failed: {exception.Message}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A connection reset while the answer is read, say: an attempt that failed, retried like a connection error,
            // never an exception that would end the dispatcher's round with its claims still held.
            return new WebhookResponse(null, Stopwatch.GetElapsedTime(started), null, $"The exchange failed: {exception.Message}");
        }
    }

    public void Dispose() => _client.Dispose();

    private async ValueTask<Stream> ConnectCheckedAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await _resolver.ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new HttpRequestException($"{host} resolves to no address.");
        }

        foreach (var address in addresses)
        {
            if (_rules.RefusalOf(host, address) is { } refusal)
            {
                throw new WebhookAddressRefusedException(refusal);
            }
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new HttpRequestException($"Could not connect to {host}: {last?.SocketErrorCode}", last);
    }

    private async Task<string?> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (_options.MaxResponseBytes == 0)
        {
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[_options.MaxResponseBytes];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        // What follows the bound is never read: the connection is dropped with the response.
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length == 0 ? null : text.Length <= LoggedCharacters ? text : text[..LoggedCharacters];
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };

    private static WebhookAddressRefusedException? FindRefusal(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is WebhookAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
