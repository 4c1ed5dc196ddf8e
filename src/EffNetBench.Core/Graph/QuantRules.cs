namespace EffNetBench.Core.Graph;

/// <summary>QuantizeLinear, DequantizeLinear and com.microsoft QLinear element-wise ops.</summary>
internal static class QuantRules
{
    /// <summary>QuantizeLinear(x, y_scale, y_zero_point): 2 FLOPs per element (scale, round + shift).</summary>
    public static void QuantizeLinear(NodeContext c)
    {
        var s = c.Shape(0);
        var type = c.HasInput(2) ? c.ElemType(2) : (int)c.Int("output_dtype", 0);
        c.Out(0, type == 0 ? ElementTypes.Uint8 : type, s);
        c.OtherFlops = checked(2 * ShapeMath.Product(s));
    }

    /// <summary>DequantizeLinear(x, x_scale, x_zero_point): 2 FLOPs per element (shift, scale).</summary>
    public static void DequantizeLinear(NodeContext c)
    {
        var s = c.Shape(0);
        var type = c.HasInput(1) ? c.ElemType(1) : ElementTypes.Float;
        c.Out(0, type == 0 ? ElementTypes.Float : type, s);
        c.OtherFlops = checked(2 * ShapeMath.Product(s));
    }

    /// <summary>QLinearAdd / QLinearMul(A, A_scale, A_zp, B, B_scale, B_zp, C_scale, C_zp): 1 + 2 (requantise) per output element.</summary>
    public static void QLinearBinary(NodeContext c)
    {
        var y = ShapeMath.Broadcast([c.Shape(0), c.Shape(3)]);
        c.Out(0, c.ElemType(0), y);
        c.OtherFlops = checked(3 * ShapeMath.Product(y));
    }

    /// <summary>QLinearSigmoid / QLinearLeakyRelu(X, X_scale, X_zp, Y_scale, Y_zp): 1 + 2 (requantise) per element.</summary>
    public static void QLinearUnary(NodeContext c)
    {
        var s = c.SameAsInput0();
        c.OtherFlops = checked(3 * ShapeMath.Product(s));
    }

    /// <summary>com.microsoft Gelu / FastGelu / QuickGelu / BiasGelu: 1 per element, +1 with a bias input.</summary>
    public static void MicrosoftActivation(NodeContext c)
    {
        var s = c.SameAsInput0();
        c.OtherFlops = checked(ShapeMath.Product(s) * (c.HasInput(1) ? 2 : 1));
    }
}
