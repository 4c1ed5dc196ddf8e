using System.Globalization;
using System.Text;

namespace EffNetBench.Tests.Benchmarking.Profiling;

/// <summary>Writes traces in ONNX Runtime's profiler format (onnxruntime/core/common/profiler.cc): one complete event per
/// line, "model_loading_uri" and "session_initialization" first, then per inference each node's fence_before,
/// kernel_time and fence_after events followed by the "SequentialExecutor::Execute" and "model_run" session events.</summary>
internal sealed class TraceText
{
    private readonly List<string> _events = [];
    private readonly List<(string Name, string Op, string Provider, int Index, long[][] Inputs, long[] Output)> _nodes = [];
    private long _clock = 100;

    public TraceText()
    {
        _events.Add("{\"cat\" : \"Session\",\"pid\" :7,\"tid\" :7,\"dur\" :27119,\"ts\" :2,\"ph\" : \"X\",\"name\" :\"model_loading_uri\",\"args\" : {}}");
        _events.Add("{\"cat\" : \"Session\",\"pid\" :7,\"tid\" :7,\"dur\" :62804,\"ts\" :27192,\"ph\" : \"X\",\"name\" :\"session_initialization\",\"args\" : {}}");
        _clock = 100_000;
    }

    public TraceText Node(string name, string op, long[] output, long[][]? inputs = null, string provider = "CPUExecutionProvider")
    {
        _nodes.Add((name, op, provider, _nodes.Count, inputs ?? [], output));
        return this;
    }

    /// <summary>One inference: each node's duration in microseconds, in node order.</summary>
    public TraceText Run(params long[] durations)
    {
        if (durations.Length != _nodes.Count)
        {
            throw new ArgumentException("one duration per node", nameof(durations));
        }

        long start = _clock;
        _clock += 5;
        for (int i = 0; i < _nodes.Count; i++)
        {
            var n = _nodes[i];
            _events.Add(Event("Node", n.Name + "_fence_before", _clock, 0, $"{{\"op_name\" : \"{n.Op}\"}}"));
            string inputs = string.Join(",", n.Inputs.Select(d => $"{{\"float\":[{string.Join(",", d)}]}}"));
            _events.Add(Event("Node", n.Name + "_kernel_time", _clock, durations[i],
                $"{{\"output_size\" : \"0\",\"input_type_shape\" : [{inputs}],\"node_index\" : \"{n.Index}\",\"output_type_shape\" : [{{\"float\":[{string.Join(",", n.Output)}]}}],\"provider\" : \"{n.Provider}\",\"op_name\" : \"{n.Op}\",\"thread_scheduling_stats\" : \"\"}}"));
            _clock += durations[i] + 1;
            _events.Add(Event("Node", n.Name + "_fence_after", _clock, 0, $"{{\"op_name\" : \"{n.Op}\"}}"));
        }

        _clock += 5;
        _events.Add(Event("Session", "SequentialExecutor::Execute", start + 2, _clock - start - 4, "{}"));
        _events.Add(Event("Session", "model_run", start, _clock - start, "{}"));
        _clock += 50;
        return this;
    }

    public override string ToString() => "[\n" + string.Join(",\n", _events) + "\n]\n";

    private static string Event(string category, string name, long ts, long dur, string args) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"cat\" : \"{category}\",\"pid\" :7,\"tid\" :7,\"dur\" :{dur},\"ts\" :{ts},\"ph\" : \"X\",\"name\" :\"{name}\",\"args\" : {args}}}");
}
