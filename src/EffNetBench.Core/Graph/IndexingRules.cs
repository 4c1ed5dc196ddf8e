namespace EffNetBench.Core.Graph;

/// <summary>Zero-cost data movement: Concat, Split, Slice, Pad, Expand, Tile, Gather*, Scatter*.</summary>
internal static class IndexingRules
{
    public static void Concat(NodeContext c)
    {
        if (c.InputCount == 0)
        {
            throw new NotCountableException("Concat has no inputs");
        }

        var first = c.Shape(0);
        var axis = ShapeMath.Axis(c.Attr("axis")?.I ?? throw new NotCountableException("Concat axis attribute is missing"), first.Length);
        var y = (long[])first.Clone();
        y[axis] = 0;
        var allInts = true;
        var allValues = true;
        for (var i = 0; i < c.InputCount; i++)
        {
            if (!c.HasInput(i))
            {
                continue;
            }

            var s = c.Shape(i);
            if (s.Length != first.Length)
            {
                throw new NotCountableException("Concat inputs have different ranks");
            }

            for (var d = 0; d < s.Length; d++)
            {
                if (d != axis && s[d] != first[d])
                {
                    throw new NotCountableException($"Concat inputs {ShapeMath.Format(first)} and {ShapeMath.Format(s)} differ outside the axis");
                }
            }

            y[axis] = checked(y[axis] + s[axis]);
            var f = c.In(i);
            allInts &= f.Ints is not null;
            allValues &= f.HasValues;
        }

        long[]? ints = null;
        double[]? floats = null;
        if (first.Length == 1 && allValues)
        {
            var present = Enumerable.Range(0, c.InputCount).Where(c.HasInput).Select(c.In).ToArray();
            if (allInts)
            {
                ints = present.SelectMany(f => f.Ints!).ToArray();
            }
            else
            {
                floats = present.SelectMany(f => f.Floats ?? f.Ints!.Select(v => (double)v).ToArray()).ToArray();
            }
        }

        c.Out(0, c.ElemType(0), y, ints, floats);
    }

    public static void Split(NodeContext c)
    {
        var x = c.In(0);
        var s = c.Shape(0);
        var axis = ShapeMath.Axis(c.Int("axis", 0), s.Length);
        var n = c.OutputCount;
        long[] parts;
        if (c.HasInput(1))
        {
            parts = c.IntValues(1, "split");
        }
        else if (c.Ints("split") is { Length: > 0 } attr)
        {
            parts = attr;
        }
        else
        {
            var outputs = c.Int("num_outputs", n);
            if (outputs <= 0)
            {
                throw new NotCountableException("Split has no outputs");
            }

            var chunk = ShapeMath.CeilDiv(s[axis], outputs);
            parts = new long[outputs];
            var left = s[axis];
            for (var i = 0; i < outputs; i++)
            {
                parts[i] = Math.Min(chunk, left);
                left -= parts[i];
            }
        }

        if (parts.Sum() != s[axis] || parts.Any(p => p < 0))
        {
            throw new NotCountableException($"Split sizes do not add up to dim {s[axis]}");
        }

        long offset = 0;
        for (var i = 0; i < parts.Length && i < n; i++)
        {
            var y = (long[])s.Clone();
            y[axis] = parts[i];
            long[]? ints = s.Length == 1 && x.Ints is not null ? x.Ints[(int)offset..(int)(offset + parts[i])] : null;
            double[]? floats = s.Length == 1 && x.Floats is not null ? x.Floats[(int)offset..(int)(offset + parts[i])] : null;
            c.Out(i, x.ElemType, y, ints, floats);
            offset += parts[i];
        }
    }

    public static void Slice(NodeContext c)
    {
        var x = c.In(0);
        var s = c.Shape(0);
        long[] starts, ends;
        long[]? axes, steps = null;
        if (c.Opset < 10)
        {
            starts = c.Ints("starts") ?? throw new NotCountableException("Slice starts attribute is missing");
            ends = c.Ints("ends") ?? throw new NotCountableException("Slice ends attribute is missing");
            axes = c.Ints("axes");
        }
        else
        {
            starts = c.IntValues(1, "starts");
            ends = c.IntValues(2, "ends");
            axes = c.HasInput(3) ? c.IntValues(3, "axes") : null;
            steps = c.HasInput(4) ? c.IntValues(4, "steps") : null;
        }

        axes ??= Enumerable.Range(0, starts.Length).Select(i => (long)i).ToArray();
        steps ??= ShapeMath.Filled(starts.Length, 1);
        if (ends.Length != starts.Length || axes.Length != starts.Length || steps.Length != starts.Length)
        {
            throw new NotCountableException("Slice starts/ends/axes/steps lengths differ");
        }

        var y = (long[])s.Clone();
        var first = new long[s.Length];
        var stride = ShapeMath.Filled(s.Length, 1);
        for (var i = 0; i < starts.Length; i++)
        {
            var a = ShapeMath.Axis(axes[i], s.Length);
            var dim = s[a];
            var step = steps[i];
            if (step == 0)
            {
                throw new NotCountableException("Slice step is 0");
            }

            var start = starts[i] < 0 ? starts[i] + dim : starts[i];
            var end = ends[i] < 0 ? ends[i] + dim : ends[i];
            long length;
            if (step > 0)
            {
                start = Math.Clamp(start, 0, dim);
                end = Math.Clamp(end, 0, dim);
                length = end > start ? ShapeMath.CeilDiv(end - start, step) : 0;
            }
            else
            {
                start = Math.Clamp(start, 0, dim - 1);
                end = Math.Clamp(end, -1, dim - 1);
                length = start > end ? ShapeMath.CeilDiv(start - end, -step) : 0;
            }

            y[a] = length;
            first[a] = start;
            stride[a] = step;
        }

        long[]? ints = null;
        double[]? floats = null;
        if (s.Length == 1)
        {
            if (x.Ints is not null)
            {
                ints = Enumerable.Range(0, (int)y[0]).Select(j => x.Ints[first[0] + (j * stride[0])]).ToArray();
            }
            else if (x.Floats is not null)
            {
                floats = Enumerable.Range(0, (int)y[0]).Select(j => x.Floats[first[0] + (j * stride[0])]).ToArray();
            }
        }

        c.Out(0, x.ElemType, y, ints, floats);
    }

    public static void Pad(NodeContext c)
    {
        var s = c.Shape(0);
        long[] pads;
        if (c.Opset < 11)
        {
            pads = c.Ints("pads") ?? c.Ints("paddings") ?? throw new NotCountableException("Pad pads attribute is missing");
        }
        else
        {
            pads = c.IntValues(1, "pads");
        }

        var axes = c.HasInput(3) ? c.IntValues(3, "axes").Select(a => (long)ShapeMath.Axis(a, s.Length)).ToArray()
            : Enumerable.Range(0, s.Length).Select(i => (long)i).ToArray();
        if (pads.Length != 2 * axes.Length)
        {
            throw new NotCountableException("Pad pads length does not match the axes");
        }

        var y = (long[])s.Clone();
        for (var i = 0; i < axes.Length; i++)
        {
            y[axes[i]] = checked(y[axes[i]] + pads[i] + pads[i + axes.Length]);
        }

        c.Out(0, c.ElemType(0), y);
    }

    public static void Expand(NodeContext c)
    {
        var x = c.In(0);
        var s = c.Shape(0);
        var target = c.IntValues(1, "shape");
        var y = ShapeMath.Broadcast([s, target]);
        var count = ShapeMath.Product(y);
        long[]? ints = null;
        if (x.Ints is not null && count <= ConstantReader.MaxIntElements)
        {
            ints = new long[count];
            for (var k = 0; k < count; k++)
            {
                ints[k] = x.Ints[ShapeMath.BroadcastSourceIndex(k, y, s)];
            }
        }

        c.Out(0, x.ElemType, y, ints);
    }

    public static void Tile(NodeContext c)
    {
        var s = c.Shape(0);
        var repeats = c.IntValues(1, "repeats");
        if (repeats.Length != s.Length)
        {
            throw new NotCountableException("Tile repeats length does not match the input rank");
        }

        c.Out(0, c.ElemType(0), s.Select((d, i) => checked(d * repeats[i])).ToArray());
    }

    public static void Gather(NodeContext c)
    {
        var data = c.In(0);
        var s = c.Shape(0);
        var q = c.Shape(1);
        var axis = ShapeMath.Axis(c.Int("axis", 0), s.Length);
        long[] y = [.. s[..axis], .. q, .. s[(axis + 1)..]];
        long[]? ints = null;
        double[]? floats = null;
        var indices = c.In(1).Ints;
        if (s.Length == 1 && indices is not null && data.HasValues)
        {
            var idx = indices.Select(i => i < 0 ? i + s[0] : i).ToArray();
            if (idx.All(i => i >= 0 && i < s[0]))
            {
                ints = data.Ints is null ? null : idx.Select(i => data.Ints[i]).ToArray();
                floats = data.Floats is null ? null : idx.Select(i => data.Floats[i]).ToArray();
            }
        }

        c.Out(0, data.ElemType, y, ints, floats);
    }

    public static void GatherElements(NodeContext c)
    {
        c.Shape(0);
        c.Out(0, c.ElemType(0), c.Shape(1));
    }

    public static void GatherNd(NodeContext c)
    {
        var s = c.Shape(0);
        var q = c.Shape(1);
        var b = (int)c.Int("batch_dims", 0);
        if (q.Length == 0 || b + q[^1] > s.Length)
        {
            throw new NotCountableException("GatherND indices do not match the data rank");
        }

        c.Out(0, c.ElemType(0), [.. q[..^1], .. s[(int)(b + q[^1])..]]);
    }

    /// <summary>ScatterND / ScatterElements / Scatter: output is a copy of data.</summary>
    public static void Scatter(NodeContext c) => c.SameAsInput0();
}
