using System.Globalization;

namespace EffNetBench.Core.Graph;

/// <summary>Shape arithmetic shared by the op rules. All arithmetic is checked.</summary>
internal static class ShapeMath
{
    public static long Product(ReadOnlySpan<long> dims)
    {
        long p = 1;
        foreach (var d in dims)
        {
            p = checked(p * d);
        }

        return p;
    }

    public static string Format(ReadOnlySpan<long> dims)
    {
        var parts = new string[dims.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            parts[i] = dims[i].ToString(CultureInfo.InvariantCulture);
        }

        return "[" + string.Join(",", parts) + "]";
    }

    public static long[] Filled(int length, long value)
    {
        var a = new long[length];
        Array.Fill(a, value);
        return a;
    }

    /// <summary>Normalises a possibly negative axis into [0, rank).</summary>
    public static int Axis(long axis, int rank)
    {
        var a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank)
        {
            throw new NotCountableException($"axis {axis.ToString(CultureInfo.InvariantCulture)} is out of range for rank {rank.ToString(CultureInfo.InvariantCulture)}");
        }

        return (int)a;
    }

    /// <summary>Numpy (multidirectional) broadcasting.</summary>
    public static long[] Broadcast(IReadOnlyList<long[]> shapes)
    {
        var rank = 0;
        foreach (var s in shapes)
        {
            rank = Math.Max(rank, s.Length);
        }

        var result = Filled(rank, 1);
        foreach (var s in shapes)
        {
            for (var i = 0; i < s.Length; i++)
            {
                var r = rank - s.Length + i;
                var d = s[i];
                if (d == result[r] || d == 1)
                {
                    continue;
                }

                if (result[r] == 1)
                {
                    result[r] = d;
                    continue;
                }

                throw new NotCountableException($"shapes {string.Join(" and ", shapes.Select(x => Format(x)))} are not broadcastable");
            }
        }

        return result;
    }

    /// <summary>Index into a broadcast input for a flat index of the output.</summary>
    public static long BroadcastSourceIndex(long outIndex, long[] outShape, long[] inShape)
    {
        long src = 0;
        long srcStride = 1;
        var rem = outIndex;
        for (var i = outShape.Length - 1; i >= 0; i--)
        {
            var coord = rem % outShape[i];
            rem /= outShape[i];
            var j = i - (outShape.Length - inShape.Length);
            if (j < 0)
            {
                continue;
            }

            if (inShape[j] != 1)
            {
                src += coord * srcStride;
            }

            srcStride *= inShape[j];
        }

        return src;
    }

    public static long CeilDiv(long a, long b) => a >= 0 ? (a + b - 1) / b : -(-a / b);

    /// <summary>
    /// Output spatial sizes of a convolution or pooling window.
    /// </summary>
    /// <param name="input">Input spatial sizes.</param>
    /// <param name="kernel">Kernel spatial sizes.</param>
    /// <param name="strides">Strides.</param>
    /// <param name="dilations">Dilations.</param>
    /// <param name="pads">Pads [x1_begin, x2_begin, ..., x1_end, x2_end, ...] (used when auto_pad is NOTSET).</param>
    /// <param name="autoPad">NOTSET, SAME_UPPER, SAME_LOWER or VALID.</param>
    /// <param name="ceilMode">Pooling ceil_mode.</param>
    public static long[] WindowOutput(long[] input, long[] kernel, long[] strides, long[] dilations, long[] pads, string autoPad, bool ceilMode)
    {
        var n = input.Length;
        if (kernel.Length != n || strides.Length != n || dilations.Length != n || pads.Length != 2 * n)
        {
            throw new NotCountableException("kernel_shape/strides/dilations/pads do not match the input rank");
        }

        var output = new long[n];
        for (var i = 0; i < n; i++)
        {
            var stride = strides[i];
            if (stride <= 0 || dilations[i] <= 0 || kernel[i] <= 0)
            {
                throw new NotCountableException("non-positive kernel, stride or dilation");
            }

            var effectiveKernel = checked((dilations[i] * (kernel[i] - 1)) + 1);
            long o;
            switch (autoPad)
            {
                case "SAME_UPPER":
                case "SAME_LOWER":
                    o = CeilDiv(input[i], stride);
                    break;
                case "VALID":
                    o = Window(input[i], effectiveKernel, stride, 0, 0, ceilMode);
                    break;
                case "NOTSET":
                case "":
                    o = Window(input[i], effectiveKernel, stride, pads[i], pads[i + n], ceilMode);
                    break;
                default:
                    throw new NotCountableException($"unknown auto_pad '{autoPad}'");
            }

            if (o <= 0)
            {
                throw new NotCountableException($"window does not fit: input {Format(input)}, kernel {Format(kernel)}");
            }

            output[i] = o;
        }

        return output;
    }

    private static long Window(long input, long effectiveKernel, long stride, long padBegin, long padEnd, bool ceilMode)
    {
        var span = checked(input + padBegin + padEnd - effectiveKernel);
        if (span < 0)
        {
            return 0;
        }

        if (!ceilMode)
        {
            return (span / stride) + 1;
        }

        var o = CeilDiv(span, stride) + 1;

        // The last window must start inside the input or the left padding (PyTorch / ONNX opset 19 rule).
        if ((o - 1) * stride >= input + padBegin)
        {
            o--;
        }

        return o;
    }
}
