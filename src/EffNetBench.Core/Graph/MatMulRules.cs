namespace EffNetBench.Core.Graph;

/// <summary>Gemm, MatMul, Einsum and their quantized variants.</summary>
internal static class MatMulRules
{
    public static void MatMul(NodeContext c)
    {
        var y = MatMulCore(c, 0, 1);
        c.Out(0, c.ElemType(0), y);
    }

    /// <summary>QLinearMatMul(a, a_scale, a_zp, b, b_scale, b_zp, y_scale, y_zp): MatMul MACs + 2 per output (requantise).</summary>
    public static void QLinearMatMul(NodeContext c)
    {
        var y = MatMulCore(c, 0, 3);
        c.Out(0, c.HasInput(7) ? c.ElemType(7) : c.ElemType(0), y);
        c.OtherFlops = checked(2 * ShapeMath.Product(y));
    }

    /// <summary>MatMulInteger(A, B, a_zp, b_zp) -> int32.</summary>
    public static void MatMulInteger(NodeContext c)
    {
        var y = MatMulCore(c, 0, 1);
        c.Out(0, ElementTypes.Int32, y);
    }

    public static void Gemm(NodeContext c)
    {
        var a = c.Shape(0);
        var b = c.Shape(1);
        if (a.Length != 2 || b.Length != 2)
        {
            throw new NotCountableException($"Gemm expects 2-D inputs, got {ShapeMath.Format(a)} and {ShapeMath.Format(b)}");
        }

        var transA = c.Int("transA", 0) != 0;
        var transB = c.Int("transB", 0) != 0;
        var m = transA ? a[1] : a[0];
        var k = transA ? a[0] : a[1];
        var kb = transB ? b[1] : b[0];
        var n = transB ? b[0] : b[1];
        if (k != kb)
        {
            throw new NotCountableException($"Gemm inner dimensions differ: {ShapeMath.Format(a)} x {ShapeMath.Format(b)}");
        }

        long[] y = [m, n];
        if (c.HasInput(2))
        {
            ShapeMath.Broadcast([y, c.Shape(2)]);
            c.OtherFlops = checked(m * n);
        }

        c.Out(0, c.ElemType(0), y);
        c.Macs = checked(m * n * k);
    }

    /// <summary>Einsum without ellipsis: MACs = (inputs - 1) * product of all index sizes.</summary>
    public static void Einsum(NodeContext c)
    {
        var equation = c.Str("equation", string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (equation.Contains("...", StringComparison.Ordinal))
        {
            throw new NotCountableException("Einsum with ellipsis is not supported");
        }

        var arrow = equation.IndexOf("->", StringComparison.Ordinal);
        var lhs = arrow >= 0 ? equation[..arrow] : equation;
        var terms = lhs.Split(',');
        if (terms.Length != c.InputCount)
        {
            throw new NotCountableException("Einsum equation does not match the number of inputs");
        }

        var sizes = new Dictionary<char, long>();
        var occurrences = new Dictionary<char, int>();
        for (var i = 0; i < terms.Length; i++)
        {
            var s = c.Shape(i);
            if (terms[i].Length != s.Length)
            {
                throw new NotCountableException("Einsum term rank does not match its input");
            }

            for (var j = 0; j < s.Length; j++)
            {
                var letter = terms[i][j];
                occurrences[letter] = occurrences.GetValueOrDefault(letter) + 1;
                if (sizes.TryGetValue(letter, out var existing) && existing != s[j])
                {
                    if (existing == 1)
                    {
                        sizes[letter] = s[j];
                    }
                    else if (s[j] != 1)
                    {
                        throw new NotCountableException($"Einsum index '{letter}' has inconsistent sizes");
                    }
                }
                else
                {
                    sizes.TryAdd(letter, s[j]);
                }
            }
        }

        var output = arrow >= 0
            ? equation[(arrow + 2)..]
            : new string(occurrences.Where(o => o.Value == 1).Select(o => o.Key).Order().ToArray());
        var y = new long[output.Length];
        for (var i = 0; i < output.Length; i++)
        {
            y[i] = sizes.TryGetValue(output[i], out var d) ? d : throw new NotCountableException($"Einsum output index '{output[i]}' is not an input index");
        }

        c.Out(0, c.ElemType(0), y);
        var all = ShapeMath.Product(sizes.Values.ToArray());
        if (terms.Length >= 2)
        {
            c.Macs = checked(all * (terms.Length - 1));
        }
        else if (sizes.Count != output.Length)
        {
            c.OtherFlops = ShapeMath.Product(c.Shape(0));
        }
    }

    /// <summary>Numpy matmul shape; sets MACs = prod(output) * K.</summary>
    private static long[] MatMulCore(NodeContext c, int aIndex, int bIndex)
    {
        var a = c.Shape(aIndex);
        var b = c.Shape(bIndex);
        if (a.Length == 0 || b.Length == 0)
        {
            throw new NotCountableException("MatMul inputs must not be scalars");
        }

        var aa = a.Length == 1 ? [1, a[0]] : a;
        var bb = b.Length == 1 ? [b[0], 1] : b;
        var k = aa[^1];
        if (bb[^2] != k)
        {
            throw new NotCountableException($"MatMul inner dimensions differ: {ShapeMath.Format(a)} x {ShapeMath.Format(b)}");
        }

        var batch = ShapeMath.Broadcast([aa[..^2], bb[..^2]]);
        var y = new List<long>(batch);
        if (a.Length > 1)
        {
            y.Add(aa[^2]);
        }

        if (b.Length > 1)
        {
            y.Add(bb[^1]);
        }

        var result = y.ToArray();
        c.Macs = checked(ShapeMath.Product(result) * k);
        return result;
    }
}
