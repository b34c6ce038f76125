using System.Net;
using System.Text;

namespace CourseBuilder.Serve;

/// <summary>
/// Server-Sent Events to the open pages: each client gets the status at once, then every new
/// one. A comment every 15 s finds clients that went away (a write to them fails) and drops them.
/// </summary>
internal sealed class EventStream : IDisposable
{
    private readonly object _lock = new();
    private readonly List<HttpListenerResponse> _clients = [];
    private readonly Timer _heartbeat;

    public EventStream() => _heartbeat = new Timer(_ => Send(": keep-alive\n\n"), null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15));

    public void Add(HttpListenerResponse response, string currentStatus)
    {
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers["Cache-Control"] = "no-store";
        response.SendChunked = true;
        lock (_lock)
        {
            if (Write(response, Event(currentStatus))) _clients.Add(response);
        }
    }

    public void Broadcast(string status) => Send(Event(status));

    private static string Event(string status) => $"event: status\ndata: {status}\n\n";

    private void Send(string text)
    {
        lock (_lock)
            _clients.RemoveAll(client => !Write(client, text));
    }

    private static bool Write(HttpListenerResponse response, string text)
    {
        try
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            response.OutputStream.Write(bytes);
            response.OutputStream.Flush();
            return true;
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            try { response.Abort(); } catch (Exception) { /* already gone */ }
            return false;
        }
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        lock (_lock)
        {
            foreach (var client in _clients)
                try { client.Abort(); } catch (Exception) { /* already gone */ }
            _clients.Clear();
        }
    }
}
