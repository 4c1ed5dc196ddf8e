using System.Globalization;
using EffNetBench.Core.Results;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EffNetBench.Core.Benchmarking;

/// <summary>
/// Refuses a tensor that cannot fit in memory before it is allocated: a model whose input is 1x3x100000x100000 would
/// otherwise end in a bare std::bad_alloc (or the OOM killer) rather than an error naming the tensor and the estimate.
/// </summary>
public static class TensorMemory
{
    /// <summary>Bytes per element; 8 for strings (a pointer each, a lower bound).</summary>
    public static int ElementSize(TensorElementType type) => type switch
    {
        TensorElementType.Bool or TensorElementType.Int8 or TensorElementType.UInt8 => 1,
        TensorElementType.Int16 or TensorElementType.UInt16 or TensorElementType.Float16 or TensorElementType.BFloat16 => 2,
        TensorElementType.Float or TensorElementType.Int32 or TensorElementType.UInt32 => 4,
        _ => 8,
    };

    /// <summary>The tensor's size in bytes; long.MaxValue when it overflows.</summary>
    public static long Bytes(TensorElementType type, IReadOnlyList<long> shape)
    {
        try
        {
            long bytes = ElementSize(type);
            foreach (long dim in shape)
            {
                bytes = checked(bytes * Math.Max(dim, 0));
            }

            return bytes;
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }

    /// <summary>Memory this process can still take: MemAvailable on Linux, else what the GC sees as available.</summary>
    public static long AvailableBytes()
    {
        try
        {
            if (File.Exists("/proc/meminfo") && EnvironmentInfo.MeminfoBytes(File.ReadAllText("/proc/meminfo"), "MemAvailable") is long available)
            {
                return Math.Min(available, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Fall back to the GC's view.
        }

        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    /// <summary>Throws when <paramref name="bytes"/> more (on top of <paramref name="alreadyAllocated"/>) do not fit in the available memory.</summary>
    /// <exception cref="TensorTooLargeException">They do not.</exception>
    public static void EnsureFits(string what, TensorElementType type, IReadOnlyList<long> shape, long alreadyAllocated = 0)
    {
        long bytes = Bytes(type, shape);
        long available = AvailableBytes();
        if (bytes > available - alreadyAllocated)
        {
            string needed = bytes == long.MaxValue ? "more than 8 EiB" : Size(bytes);
            throw new TensorTooLargeException(string.Create(CultureInfo.InvariantCulture,
                $"{what} of shape {string.Join('x', shape)} ({type.ToString().ToLowerInvariant()}) needs {needed}, and {Size(Math.Max(available - alreadyAllocated, 0))} of memory is available: use a model with a smaller input (or a smaller batch)"));
        }
    }

    private static string Size(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB");
}

/// <summary>A tensor that cannot fit in memory, refused before allocation: the operation failed (exit 1; a failed case in `run`).</summary>
public sealed class TensorTooLargeException(string message) : EffNetBenchException(ErrorKind.Failed, string.Empty, message);
