using EffNetBench.Core.Quantization.Calibration;
using Onnx;

namespace EffNetBench.Core.Quantization;

/// <summary>What a model must be before conversion: float32, not quantized already.</summary>
internal static class ModelChecks
{
    private static readonly HashSet<string> QuantizedOps = new(StringComparer.Ordinal)
    {
        "QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear", "ConvInteger", "MatMulInteger", "MatMulNBits",
        "DynamicQuantizeMatMul", "MatMulIntegerToFloat", "QGemm", "QAttention",
    };

    /// <exception cref="QuantizationException">The model is quantized (Q/DQ or QLinear nodes, integer weights) or float16 already.</exception>
    public static void RequireFloat32(string path, ModelProto model)
    {
        NodeProto? quantized = model.Graph.Node.FirstOrDefault(n => QuantizedOps.Contains(n.OpType) || n.OpType.StartsWith("QLinear", StringComparison.Ordinal));
        if (quantized is not null)
        {
            throw new QuantizationException(path, $"'{path}' is already quantized (it has a {quantized.OpType} node): convert its float32 original instead", ErrorKind.Usage);
        }

        var used = WeightInputs(model);
        TensorProto? integer = model.Graph.Initializer.FirstOrDefault(i => used.Contains(i.Name) && i.DataType is (int)TensorProto.Types.DataType.Int8 or (int)TensorProto.Types.DataType.Uint8);
        if (integer is not null)
        {
            throw new QuantizationException(path, $"'{path}' is already quantized (weight '{integer.Name}' is {(integer.DataType == (int)TensorProto.Types.DataType.Int8 ? "int8" : "uint8")}): convert its float32 original instead", ErrorKind.Usage);
        }

        TensorProto? half = model.Graph.Initializer.FirstOrDefault(i => used.Contains(i.Name) && i.DataType is (int)TensorProto.Types.DataType.Float16 or (int)TensorProto.Types.DataType.Bfloat16);
        if (half is not null)
        {
            throw new QuantizationException(path, $"'{path}' is not a float32 model (weight '{half.Name}' is 16-bit): convert its float32 original instead", ErrorKind.Usage);
        }
    }

    public static long DefaultOpset(ModelProto model) =>
        model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version ?? 0;

    private static HashSet<string> WeightInputs(ModelProto model) =>
        model.Graph.Node.Where(n => n.OpType is "Conv" or "Gemm" or "MatMul" or "ConvTranspose").SelectMany(n => n.Input.Skip(1)).ToHashSet(StringComparer.Ordinal);
}
