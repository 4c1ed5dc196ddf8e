namespace EffNetBench.Core.Graph;

/// <summary>Conv, ConvTranspose and their quantized / fused variants.</summary>
internal static class ConvRules
{
    public static void Conv(NodeContext c)
    {
        var y = Convolution(c, 0, 1);
        c.Out(0, c.ElemType(0), y);
        if (c.HasInput(2))
        {
            c.OtherFlops = ShapeMath.Product(y);
        }
    }

    /// <summary>com.microsoft FusedConv: Conv + optional residual Z + activation.</summary>
    public static void FusedConv(NodeContext c)
    {
        var y = Convolution(c, 0, 1);
        c.Out(0, c.ElemType(0), y);
        var elements = ShapeMath.Product(y);
        var perElement = (c.HasInput(2) ? 1 : 0) + (c.HasInput(3) ? 1 : 0) + (c.Str("activation", string.Empty).Length > 0 ? 1 : 0);
        c.OtherFlops = checked(elements * perElement);
    }

    /// <summary>QLinearConv(x, x_scale, x_zp, w, w_scale, w_zp, y_scale, y_zp, B).</summary>
    public static void QLinearConv(NodeContext c)
    {
        var y = Convolution(c, 0, 3);
        c.Out(0, c.HasInput(7) ? c.ElemType(7) : c.ElemType(0), y);
        var elements = ShapeMath.Product(y);
        c.OtherFlops = checked(elements * ((c.HasInput(8) ? 1 : 0) + 2));
    }

    /// <summary>ConvInteger(x, w, x_zp, w_zp) -> int32.</summary>
    public static void ConvInteger(NodeContext c)
    {
        var y = Convolution(c, 0, 1);
        c.Out(0, ElementTypes.Int32, y);
    }

    public static void ConvTranspose(NodeContext c)
    {
        var x = c.Shape(0);
        var w = c.Shape(1);
        if (x.Length < 3 || w.Length != x.Length)
        {
            throw new NotCountableException("ConvTranspose expects X and W of equal rank >= 3");
        }

        var n = x.Length - 2;
        var group = c.Int("group", 1);
        if (group <= 0 || x[1] != w[0])
        {
            throw new NotCountableException($"ConvTranspose channel mismatch: X {ShapeMath.Format(x)}, W {ShapeMath.Format(w)}");
        }

        var kernel = c.Ints("kernel_shape") ?? w[2..];
        var strides = c.Ints("strides") ?? ShapeMath.Filled(n, 1);
        var dilations = c.Ints("dilations") ?? ShapeMath.Filled(n, 1);
        var outputPadding = c.Ints("output_padding") ?? ShapeMath.Filled(n, 0);
        var pads = c.Ints("pads") ?? ShapeMath.Filled(2 * n, 0);
        var autoPad = c.Str("auto_pad", "NOTSET");
        var outputShape = c.Ints("output_shape");
        if (kernel.Length != n || strides.Length != n || dilations.Length != n || outputPadding.Length != n || pads.Length != 2 * n)
        {
            throw new NotCountableException("ConvTranspose attributes do not match the input rank");
        }

        var spatial = new long[n];
        for (var i = 0; i < n; i++)
        {
            var input = x[i + 2];
            if (outputShape is { Length: > 0 })
            {
                if (outputShape.Length < n)
                {
                    throw new NotCountableException("ConvTranspose output_shape has too few dims");
                }

                spatial[i] = outputShape[outputShape.Length - n + i];
            }
            else if (autoPad is "SAME_UPPER" or "SAME_LOWER")
            {
                spatial[i] = checked(input * strides[i]);
            }
            else
            {
                var p = autoPad == "VALID" ? 0 : pads[i] + pads[i + n];
                spatial[i] = checked((strides[i] * (input - 1)) + outputPadding[i] + (((kernel[i] - 1) * dilations[i]) + 1) - p);
            }

            if (spatial[i] <= 0)
            {
                throw new NotCountableException("ConvTranspose output size is not positive");
            }
        }

        long[] y = [x[0], checked(w[1] * group), .. spatial];
        c.Out(0, c.ElemType(0), y);

        // Every input element is scattered through C_out/group * prod(kernel) weights.
        c.Macs = checked(ShapeMath.Product(x) * w[1] * ShapeMath.Product(kernel));
        if (c.HasInput(2))
        {
            c.OtherFlops = ShapeMath.Product(y);
        }
    }

    /// <summary>Computes the output shape and sets MACs = N * prod(out spatial) * C_out * (C_in / group) * prod(kernel).</summary>
    private static long[] Convolution(NodeContext c, int xIndex, int wIndex)
    {
        var x = c.Shape(xIndex);
        var w = c.Shape(wIndex);
        if (x.Length < 3 || w.Length != x.Length)
        {
            throw new NotCountableException($"Conv expects X and W of equal rank >= 3, got X {ShapeMath.Format(x)}, W {ShapeMath.Format(w)}");
        }

        var n = x.Length - 2;
        var group = c.Int("group", 1);
        if (group <= 0 || x[1] != checked(w[1] * group) || w[0] % group != 0)
        {
            throw new NotCountableException($"Conv channel mismatch: X {ShapeMath.Format(x)}, W {ShapeMath.Format(w)}, group {group}");
        }

        var kernel = c.Ints("kernel_shape") ?? w[2..];
        var strides = c.Ints("strides") ?? ShapeMath.Filled(n, 1);
        var dilations = c.Ints("dilations") ?? ShapeMath.Filled(n, 1);
        var pads = c.Ints("pads") ?? ShapeMath.Filled(2 * n, 0);
        var autoPad = c.Str("auto_pad", "NOTSET");
        var spatial = ShapeMath.WindowOutput(x[2..], kernel, strides, dilations, pads, autoPad, ceilMode: false);
        long[] y = [x[0], w[0], .. spatial];
        c.Macs = checked(ShapeMath.Product(y) * w[1] * ShapeMath.Product(kernel));
        return y;
    }
}
