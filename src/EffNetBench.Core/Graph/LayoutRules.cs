namespace EffNetBench.Core.Graph;

/// <summary>Zero-cost layout operators: Reshape, Flatten, Squeeze, Unsqueeze, Transpose, DepthToSpace, SpaceToDepth.</summary>
internal static class LayoutRules
{
    public static void Reshape(NodeContext c)
    {
        var x = c.In(0);
        var data = c.Shape(0);
        var requested = c.Opset < 5 || !c.HasInput(1)
            ? c.Ints("shape") ?? throw new NotCountableException("Reshape has no shape")
            : c.IntValues(1, "shape");
        var allowZero = c.Int("allowzero", 0) != 0;
        var y = new long[requested.Length];
        var infer = -1;
        for (var i = 0; i < requested.Length; i++)
        {
            var r = requested[i];
            if (r == 0 && !allowZero)
            {
                y[i] = i < data.Length ? data[i] : throw new NotCountableException("Reshape copies a dim beyond the input rank");
            }
            else if (r == -1)
            {
                if (infer >= 0)
                {
                    throw new NotCountableException("Reshape has more than one -1");
                }

                infer = i;
            }
            else if (r < -1)
            {
                throw new NotCountableException($"Reshape has invalid dim {r}");
            }
            else
            {
                y[i] = r;
            }
        }

        var total = ShapeMath.Product(data);
        if (infer >= 0)
        {
            y[infer] = 1;
            var known = ShapeMath.Product(y);
            if (known == 0 || total % known != 0)
            {
                throw new NotCountableException($"cannot reshape {ShapeMath.Format(data)} to {ShapeMath.Format(requested)}");
            }

            y[infer] = total / known;
        }
        else if (ShapeMath.Product(y) != total)
        {
            throw new NotCountableException($"cannot reshape {ShapeMath.Format(data)} to {ShapeMath.Format(requested)}");
        }

        c.Out(0, x.ElemType, y, x.Ints, x.Floats);
    }

    public static void Flatten(NodeContext c)
    {
        var x = c.In(0);
        var s = c.Shape(0);
        var axis = c.Int("axis", 1);
        if (axis < 0)
        {
            axis += s.Length;
        }

        if (axis < 0 || axis > s.Length)
        {
            throw new NotCountableException("Flatten axis out of range");
        }

        c.Out(0, x.ElemType, [ShapeMath.Product(s.AsSpan(0, (int)axis)), ShapeMath.Product(s.AsSpan((int)axis))], x.Ints, x.Floats);
    }

    public static void Squeeze(NodeContext c)
    {
        var x = c.In(0);
        var s = c.Shape(0);
        var axes = c.HasInput(1) ? c.IntValues(1, "axes") : c.Ints("axes");
        var remove = new bool[s.Length];
        if (axes is null || axes.Length == 0)
        {
            for (var i = 0; i < s.Length; i++)
            {
                remove[i] = s[i] == 1;
            }
        }
        else
        {
            foreach (var a in axes)
            {
                var i = ShapeMath.Axis(a, s.Length);
                if (s[i] != 1)
                {
                    throw new NotCountableException($"Squeeze axis {a} has size {s[i]}");
                }

                remove[i] = true;
            }
        }

        var y = s.Where((_, i) => !remove[i]).ToArray();
        c.Out(0, x.ElemType, y, x.Ints, x.Floats);
    }

    public static void Unsqueeze(NodeContext c)
    {
        var x = c.In(0);
        var s = c.Shape(0);
        var axes = c.HasInput(1) ? c.IntValues(1, "axes") : c.Ints("axes") ?? throw new NotCountableException("Unsqueeze has no axes");
        var rank = s.Length + axes.Length;
        var inserted = new bool[rank];
        foreach (var a in axes)
        {
            var i = ShapeMath.Axis(a, rank);
            if (inserted[i])
            {
                throw new NotCountableException("Unsqueeze has duplicate axes");
            }

            inserted[i] = true;
        }

        var y = new long[rank];
        var j = 0;
        for (var i = 0; i < rank; i++)
        {
            y[i] = inserted[i] ? 1 : s[j++];
        }

        c.Out(0, x.ElemType, y, x.Ints, x.Floats);
    }

    public static void Transpose(NodeContext c)
    {
        var x = c.In(0);
        var s = c.Shape(0);
        var perm = c.Ints("perm") ?? Enumerable.Range(0, s.Length).Reverse().Select(i => (long)i).ToArray();
        if (perm.Length != s.Length || perm.Distinct().Count() != perm.Length)
        {
            throw new NotCountableException("Transpose perm does not match the input rank");
        }

        var y = perm.Select(p => s[ShapeMath.Axis(p, s.Length)]).ToArray();
        var keepValues = s.Length <= 1;
        c.Out(0, x.ElemType, y, keepValues ? x.Ints : null, keepValues ? x.Floats : null);
    }

    public static void DepthToSpace(NodeContext c)
    {
        var s = c.Shape(0);
        var b = c.Int("blocksize", 0);
        if (s.Length != 4 || b <= 0 || s[1] % (b * b) != 0)
        {
            throw new NotCountableException("DepthToSpace expects NCHW input with C divisible by blocksize^2");
        }

        c.Out(0, c.ElemType(0), [s[0], s[1] / (b * b), checked(s[2] * b), checked(s[3] * b)]);
    }

    public static void SpaceToDepth(NodeContext c)
    {
        var s = c.Shape(0);
        var b = c.Int("blocksize", 0);
        if (s.Length != 4 || b <= 0 || s[2] % b != 0 || s[3] % b != 0)
        {
            throw new NotCountableException("SpaceToDepth expects NCHW input with H and W divisible by blocksize");
        }

        c.Out(0, c.ElemType(0), [s[0], checked(s[1] * b * b), s[2] / b, s[3] / b]);
    }
}
