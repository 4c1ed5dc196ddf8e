namespace EffNetBench.Core.Quantization;

/// <summary>
/// An 8-bit affine quantisation: q = saturate(round_half_even(x / Scale) + ZeroPoint), x' = (q - ZeroPoint) * Scale
/// (ONNX QuantizeLinear / DequantizeLinear). Scales and zero points are computed as ONNX Runtime's quantizer does
/// (onnxruntime/python/tools/quantization/quant_utils.py, compute_scale_zp): the range always includes 0, a symmetric
/// int8 range is [-127, 127], an asymmetric one [-128, 127].
/// </summary>
public readonly record struct QuantParams(float Scale, int ZeroPoint)
{
    public const int Int8Min = -128;
    public const int Int8Max = 127;

    /// <summary>Per-tensor int8 asymmetric activations (ONNX Runtime's default QDQ activation type QInt8, ActivationSymmetric
    /// false): scale = (rmax - rmin) / 255, zero point = round_half_even(-128 - rmin / scale), with [rmin, rmax] widened
    /// to include 0. A range of zero width gives scale 1, zero point 0.</summary>
    public static QuantParams Asymmetric(float rmin, float rmax)
    {
        double lo = Math.Min(rmin, 0f);
        double hi = Math.Max(rmax, 0f);
        float scale = (float)((hi - lo) / (Int8Max - Int8Min));
        if (!(scale >= float.Epsilon) || !float.IsFinite(scale))
        {
            return new QuantParams(1f, 0);
        }

        // rmin / scale in float32, as quant_utils does with float32 arrays: for [-1, 1], 1 / (2/255 as float32) is 127.5
        // in float32 (127.4999... in double), and the zero point rounds from -0.5 to 0.
        double zp = Math.Round(Int8Min - (double)((float)lo / scale), MidpointRounding.ToEven);
        return new QuantParams(scale, (int)Math.Clamp(zp, Int8Min, Int8Max));
    }

    public const int Uint8Max = 255;

    /// <summary>Per-tensor uint8 asymmetric activations (ONNX Runtime's QUInt8, the U8S8 format with int8 weights):
    /// scale = (rmax - rmin) / 255, zero point = round_half_even(-rmin / scale) in [0, 255], with [rmin, rmax] widened to
    /// include 0; the same scale as <see cref="Asymmetric"/> and its zero point + 128.</summary>
    public static QuantParams AsymmetricUnsigned(float rmin, float rmax)
    {
        QuantParams signed = Asymmetric(rmin, rmax);
        return signed with { ZeroPoint = signed.ZeroPoint - Int8Min };
    }

    /// <summary>Symmetric int8 (weights, per channel): scale = max|w| / 127, zero point 0; all-zero weights get scale 1.</summary>
    public static QuantParams Symmetric(float absMax)
    {
        float scale = absMax / Int8Max;
        return !(scale >= float.Epsilon) || !float.IsFinite(scale) ? new QuantParams(1f, 0) : new QuantParams(scale, 0);
    }

    /// <summary>ONNX QuantizeLinear to int8: x / scale rounded half to even, plus the zero point, saturated to [-128, 127].</summary>
    public sbyte Quantize(float x)
    {
        double q = Math.Round((double)x / Scale, MidpointRounding.ToEven) + ZeroPoint;
        return (sbyte)Math.Clamp(q, Int8Min, Int8Max);
    }

    /// <summary>ONNX QuantizeLinear to uint8: saturated to [0, 255].</summary>
    public byte QuantizeUnsigned(float x)
    {
        double q = Math.Round((double)x / Scale, MidpointRounding.ToEven) + ZeroPoint;
        return (byte)Math.Clamp(q, 0, Uint8Max);
    }

    /// <summary>ONNX DequantizeLinear.</summary>
    public float Dequantize(int q) => (q - ZeroPoint) * Scale;
}
