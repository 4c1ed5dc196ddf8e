using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EffNetBench.Core.Benchmarking.Profiling;

/// <summary>
/// Reads the Chrome trace-event JSON that ONNX Runtime's profiler writes (SessionOptions.EnableProfiling; format in the
/// runtime's docs, "Profiling tools", and onnxruntime/core/common/profiler.cc): an array of complete events ("ph": "X")
/// with "ts" and "dur" in microseconds. Per node and inference one "Node" event "&lt;node&gt;_kernel_time" whose args hold
/// "op_name" and "provider"; per inference one "Session" event "model_run". A text cut short keeps the events before
/// the cut (<see cref="ProfileTrace.Truncated"/>).
/// </summary>
public static class ProfileTraceReader
{
    private const string KernelSuffix = "_kernel_time";

    /// <exception cref="ProfileTraceException">The text is empty or not a JSON array of events.</exception>
    public static ProfileTrace Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ProfileTraceException("the trace is empty");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var kernels = ImmutableArray.CreateBuilder<TraceKernel>();
        var runs = new List<(long, long)>();
        int events = 0;
        bool truncated = false;
        bool inArray = false;
        try
        {
            if (!reader.Read())
            {
                throw new ProfileTraceException("the trace is empty");
            }

            if (reader.TokenType == JsonTokenType.StartObject && !SeekTraceEvents(ref reader))
            {
                throw new ProfileTraceException("the trace is a JSON object without a \"traceEvents\" array");
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new ProfileTraceException("the trace is not a JSON array of trace events");
            }

            inArray = true;

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                using JsonDocument element = JsonDocument.ParseValue(ref reader);
                events++;
                Read(element.RootElement, kernels, runs);
            }

            truncated = reader.TokenType != JsonTokenType.EndArray;
        }
        catch (JsonException) when (inArray)
        {
            truncated = true; // cut short (a killed process, a full disk): keep what was complete
        }
        catch (JsonException e)
        {
            throw new ProfileTraceException($"the trace is not valid JSON ({e.Message.Split('\n')[0]})");
        }

        return new ProfileTrace(kernels.ToImmutable(), [.. runs.OrderBy(r => r.Item1)], events, truncated);
    }

    private static bool SeekTraceEvents(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("traceEvents"))
            {
                return reader.Read();
            }

            reader.Read();
            reader.Skip();
        }

        return false;
    }

    private static void Read(JsonElement e, ImmutableArray<TraceKernel>.Builder kernels, List<(long, long)> runs)
    {
        if (e.ValueKind != JsonValueKind.Object || Text(e, "name") is not string name || Long(e, "ts") is not long ts || Long(e, "dur") is not long dur)
        {
            return;
        }

        string? category = Text(e, "cat");
        if (category == "Session" && name == "model_run")
        {
            runs.Add((ts, dur));
            return;
        }

        if (category != "Node" || !name.EndsWith(KernelSuffix, StringComparison.Ordinal))
        {
            return; // fence_before/after, thread-pool and session events carry no node time
        }

        JsonElement args = e.TryGetProperty("args", out JsonElement a) && a.ValueKind == JsonValueKind.Object ? a : default;
        kernels.Add(new TraceKernel(
            name[..^KernelSuffix.Length],
            args.ValueKind == JsonValueKind.Object ? Text(args, "node_index") : null,
            (args.ValueKind == JsonValueKind.Object ? Text(args, "op_name") : null) ?? "unknown",
            (args.ValueKind == JsonValueKind.Object ? Text(args, "provider") : null) ?? "unknown",
            ts,
            dur,
            Shapes(args, "input_type_shape"),
            Shapes(args, "output_type_shape")));
    }

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out JsonElement v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static long? Long(JsonElement e, string property)
    {
        if (!e.TryGetProperty(property, out JsonElement v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && double.IsFinite(d))
        {
            return (long)Math.Round(d);
        }

        return v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : null;
    }

    /// <summary>[{"float":[1,3,224,224]}, ...] as dims per input.</summary>
    private static ImmutableArray<ImmutableArray<long>> Shapes(JsonElement args, string property)
    {
        if (args.ValueKind != JsonValueKind.Object || !args.TryGetProperty(property, out JsonElement list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var shapes = ImmutableArray.CreateBuilder<ImmutableArray<long>>();
        foreach (JsonElement typed in list.EnumerateArray())
        {
            ImmutableArray<long> dims = [];
            if (typed.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty p in typed.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.Array)
                    {
                        dims = [.. p.Value.EnumerateArray().Select(d => d.TryGetInt64(out long n) ? n : -1)];
                    }
                }
            }

            shapes.Add(dims);
        }

        return shapes.ToImmutable();
    }
}
