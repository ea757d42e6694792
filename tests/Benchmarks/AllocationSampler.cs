using System.Diagnostics.Tracing;

namespace Dflint.Benchmarks;

/// <summary>
/// Samples the runtime's GC allocation ticks (one event per ~100 KB allocated, naming the type that crossed
/// the threshold), which gives a by-type allocation profile in-process, with no profiler installed.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTickEvent = 10;
    private const long GcKeyword = 0x1;

    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private bool _recording;

    public void Start()
    {
        lock (_gate)
        {
            _bytesByType.Clear();
            _recording = true;
        }
    }

    public IReadOnlyList<(string Type, long Bytes)> Stop()
    {
        lock (_gate)
        {
            _recording = false;
            return [.. _bytesByType.OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value))];
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTickEvent || eventData.Payload is null || eventData.PayloadNames is null) return;
        var type = eventData.PayloadNames.IndexOf("TypeName");
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (type < 0 || amount < 0) return;
        lock (_gate)
        {
            if (!_recording) return;
            var name = eventData.Payload[type] as string ?? "?";
            _bytesByType[name] = _bytesByType.GetValueOrDefault(name) + Convert.ToInt64(eventData.Payload[amount], System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
