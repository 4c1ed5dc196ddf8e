namespace EffNetBench.Core.Graph;

/// <summary>Resize and Upsample: one FLOP per output element.</summary>
internal static class ResizeRules
{
    public static void Resize(NodeContext c)
    {
        var x = c.Shape(0);
        var rank = x.Length;
        var axes = (c.Ints("axes") ?? Enumerable.Range(0, rank).Select(i => (long)i).ToArray())
            .Select(a => ShapeMath.Axis(a, rank)).ToArray();
        var y = (long[])x.Clone();

        double[]? scales = null;
        long[]? sizes = null;
        if (c.OpType == "Upsample")
        {
            scales = c.Opset < 9
                ? c.Attr("scales")?.Floats.Select(v => (double)v).ToArray() ?? throw new NotCountableException("Upsample scales attribute is missing")
                : c.FloatValues(1, "scales");
        }
        else if (c.Opset < 11)
        {
            scales = c.FloatValues(1, "scales");
        }
        else
        {
            if (c.HasInput(3) && c.Shape(3) is not [0])
            {
                sizes = c.IntValues(3, "sizes");
            }
            else if (c.HasInput(2) && c.Shape(2) is not [0])
            {
                scales = c.FloatValues(2, "scales");
            }
            else
            {
                throw new NotCountableException("Resize has neither scales nor sizes");
            }
        }

        if (sizes is not null)
        {
            if (sizes.Length != axes.Length)
            {
                throw new NotCountableException("Resize sizes length does not match the axes");
            }

            var policy = c.Str("keep_aspect_ratio_policy", "stretch");
            if (policy == "stretch")
            {
                for (var i = 0; i < axes.Length; i++)
                {
                    y[axes[i]] = sizes[i];
                }
            }
            else
            {
                var ratios = axes.Select((a, i) => (double)sizes[i] / x[a]).ToArray();
                var scale = policy == "not_larger" ? ratios.Min() : ratios.Max();
                foreach (var a in axes)
                {
                    y[a] = (long)Math.Round(scale * x[a], MidpointRounding.AwayFromZero);
                }
            }
        }
        else
        {
            if (scales!.Length != axes.Length)
            {
                throw new NotCountableException("Resize scales length does not match the axes");
            }

            var crop = c.Str("coordinate_transformation_mode", "half_pixel") == "tf_crop_and_resize";
            var roi = crop ? c.FloatValues(1, "roi") : null;
            for (var i = 0; i < axes.Length; i++)
            {
                var a = axes[i];
                var extent = roi is null ? 1.0 : roi[axes.Length + i] - roi[i];

                // Same float arithmetic as onnxruntime: floor(float(dim) * scale).
                y[a] = (long)MathF.Floor((float)x[a] * (float)extent * (float)scales[i]);
            }
        }

        c.Out(0, c.ElemType(0), y);
        c.OtherFlops = ShapeMath.Product(y);
    }
}
