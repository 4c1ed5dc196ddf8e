using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EffNetBench.Core.Benchmarking;

/// <summary>One ONNX Runtime session with its inputs and outputs bound once (IOBinding), so <see cref="Run"/> is a
/// single native call that allocates no managed memory in the steady state.</summary>
public sealed class InferenceRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions = new();
    private readonly List<OrtValue> _values = [];
    private readonly List<(string Name, OrtValue Value)> _cpuOutputs = [];
    private readonly bool _synchronizeOutputs;
    private readonly int _batch;
    private readonly OrtMemoryInfo? _deviceOutputs;
    private readonly IReadOnlyDictionary<string, byte[]>? _givenInputs;
    private readonly bool _ownsSession;
    private long _allocatedBytes;
    private bool _disposed;

    private InferenceRunner(InferenceSession session, int batch, OrtMemoryInfo? deviceOutputs, IReadOnlyDictionary<string, byte[]>? givenInputs,
        bool ownsSession = true)
    {
        _session = session;
        _batch = batch;
        _deviceOutputs = deviceOutputs;
        _givenInputs = givenInputs;
        _ownsSession = ownsSession;
        _binding = session.CreateIoBinding();
        foreach ((string name, NodeMetadata meta) in session.InputMetadata)
        {
            OrtValue value;
            if (givenInputs is not null && givenInputs.TryGetValue(name, out byte[]? bytes))
            {
                value = Given(name, meta, bytes);
            }
            else
            {
                value = Allocate(name, meta, batch, "input");
                FillDeterministically(value, meta.ElementDataType);
            }

            _binding.BindInput(name, value);
        }

        foreach ((string name, NodeMetadata meta) in session.OutputMetadata)
        {
            long[]? shape = Resolve(meta, batch);
            if (deviceOutputs is not null || shape is null || !meta.IsTensor)
            {
                // Device outputs stay on the device (synchronised inside the measured call); unknown shapes are left to ORT.
                _binding.BindOutputToDevice(name, deviceOutputs ?? OrtMemoryInfo.DefaultInstance);
                continue;
            }

            OrtValue value = AllocateTensor($"output '{name}'", meta.ElementDataType, shape);
            _cpuOutputs.Add((name, value));
            _binding.BindOutput(name, value);
        }

        _synchronizeOutputs = deviceOutputs is not null;
    }

    /// <summary>Model load + session creation, timed.</summary>
    public TimeSpan SessionCreateTime { get; private init; }

    /// <param name="deviceOutputs">Memory of the provider's device for outputs (CUDA, TensorRT), or null for CPU memory.</param>
    public static InferenceRunner Create(string modelPath, SessionOptions options, int batch, OrtMemoryInfo? deviceOutputs = null)
    {
        long start = Stopwatch.GetTimestamp();
        var session = new InferenceSession(modelPath, options);
        return Wrap(session, Stopwatch.GetElapsedTime(start), batch, deviceOutputs, null);
    }

    /// <summary>A session of an in-memory model (a composed graph) whose 1-D uint8 inputs named in
    /// <paramref name="givenInputs"/> hold those bytes (e.g. an encoded image); other inputs are filled as usual.</summary>
    public static InferenceRunner Create(byte[] model, SessionOptions options, int batch, IReadOnlyDictionary<string, byte[]> givenInputs)
    {
        ArgumentNullException.ThrowIfNull(givenInputs);
        long start = Stopwatch.GetTimestamp();
        var session = new InferenceSession(model, options);
        return Wrap(session, Stopwatch.GetElapsedTime(start), batch, null, givenInputs);
    }

    private static InferenceRunner Wrap(InferenceSession session, TimeSpan created, int batch, OrtMemoryInfo? deviceOutputs,
        IReadOnlyDictionary<string, byte[]>? givenInputs)
    {
        try
        {
            return new InferenceRunner(session, batch, deviceOutputs, givenInputs) { SessionCreateTime = created };
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The batch the inputs were made for.</summary>
    public int Batch => _batch;

    /// <summary>Whether the session's first input has a fixed first (batch) dimension in the model file.</summary>
    public bool FixedBatch => _session.InputMetadata.Values.FirstOrDefault() is { IsTensor: true, Dimensions: [> 0, ..] };

    /// <summary>
    /// Another runner on the same session with inputs and outputs of its own (filled the same way, bound once), for
    /// concurrent requests: ONNX Runtime's Run is thread-safe on one session, but one IOBinding's buffers are not to be
    /// shared by concurrent calls. The sibling does not own the session; dispose it before this runner.
    /// </summary>
    public InferenceRunner CreateSibling() => new(_session, _batch, _deviceOutputs, _givenInputs, ownsSession: false)
    {
        SessionCreateTime = SessionCreateTime,
    };

    /// <summary>The measured call: one inference of the whole batch.</summary>
    public void Run()
    {
        _session.RunWithBinding(_runOptions, _binding);
        if (_synchronizeOutputs)
        {
            _binding.SynchronizeBoundOutputs();
        }
    }

    /// <summary>Ends ONNX Runtime's profiler (a session made with SessionOptions.EnableProfiling) and returns the trace
    /// file it wrote; empty when it wrote none.</summary>
    public string EndProfiling() => _session.EndProfiling();

    /// <summary>Throws when a float output bound in CPU memory holds NaN or infinity.</summary>
    public void VerifyOutputsFinite()
    {
        foreach ((string name, OrtValue value) in _cpuOutputs)
        {
            if (value.GetTensorTypeAndShape().ElementDataType != TensorElementType.Float)
            {
                continue;
            }

            ReadOnlySpan<float> data = value.GetTensorDataAsSpan<float>();
            for (int i = 0; i < data.Length; i++)
            {
                if (!float.IsFinite(data[i]))
                {
                    throw new NonFiniteOutputException($"output '{name}' holds {data[i]} at element {i}: the model's weights or input produce non-finite values, so its timings would not be meaningful");
                }
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _binding.Dispose();
        if (_ownsSession)
        {
            _session.Dispose();
        }

        _runOptions.Dispose();
        foreach (OrtValue value in _values)
        {
            value.Dispose();
        }
    }

    private OrtValue Allocate(string name, NodeMetadata meta, int batch, string role)
    {
        if (!meta.IsTensor)
        {
            throw new NotSupportedException($"{role} '{name}' is not a tensor; only tensor inputs can be benchmarked");
        }

        long[] shape = Resolve(meta, batch)
            ?? throw new NotSupportedException($"{role} '{name}' has a dynamic dimension other than the batch ({string.Join(",", meta.SymbolicDimensions)}): export the model with fixed spatial sizes");
        return AllocateTensor($"{role} '{name}'", meta.ElementDataType, shape);
    }

    /// <summary>A tensor in CPU memory, refused first (with the estimate) when it cannot fit next to those already made.</summary>
    private OrtValue AllocateTensor(string what, TensorElementType type, long[] shape)
    {
        TensorMemory.EnsureFits(what, type, shape, _allocatedBytes);
        OrtValue value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, type, shape);
        _values.Add(value);
        _allocatedBytes += TensorMemory.Bytes(type, shape);
        return value;
    }

    /// <summary>A 1-D uint8 tensor holding <paramref name="bytes"/>, copied once into native memory.</summary>
    private OrtValue Given(string name, NodeMetadata meta, byte[] bytes)
    {
        if (!meta.IsTensor || meta.ElementDataType != TensorElementType.UInt8 || meta.Dimensions.Length != 1)
        {
            throw new NotSupportedException($"input '{name}' is not a 1-D uint8 tensor, so it cannot take the given bytes");
        }

        OrtValue value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.UInt8, [bytes.LongLength]);
        _values.Add(value);
        bytes.CopyTo(value.GetTensorMutableRawData());
        return value;
    }

    /// <summary>The declared shape with a symbolic first dimension set to the batch; null when another dimension is symbolic.</summary>
    private static long[]? Resolve(NodeMetadata meta, int batch)
    {
        int[] dims = meta.Dimensions;
        var shape = new long[dims.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] > 0)
            {
                shape[i] = dims[i];
            }
            else if (i == 0)
            {
                shape[i] = batch;
            }
            else
            {
                return null;
            }
        }

        return shape;
    }

    /// <summary>Unit-range pseudo-random values (fixed seed): timings must not depend on the run, and zeros can take fast paths.</summary>
    private static void FillDeterministically(OrtValue value, TensorElementType type)
    {
        Span<byte> bytes = value.GetTensorMutableRawData();
        var random = new Random(20190528);
        switch (type)
        {
            case TensorElementType.Float:
                Span<float> floats = MemoryMarshal.Cast<byte, float>(bytes);
                for (int i = 0; i < floats.Length; i++)
                {
                    floats[i] = (float)((random.NextDouble() * 2) - 1);
                }

                break;
            case TensorElementType.Int64 or TensorElementType.Int32 or TensorElementType.Bool:
                bytes.Clear(); // indices and flags: zero is always valid
                break;
            default:
                random.NextBytes(bytes);
                break;
        }
    }
}
