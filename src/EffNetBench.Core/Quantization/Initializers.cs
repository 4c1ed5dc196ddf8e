using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace EffNetBench.Core.Quantization;

/// <summary>Reads and makes the initializers a conversion rewrites (raw little-endian data).</summary>
internal static class Initializers
{
    public static float[] Floats(TensorProto tensor)
    {
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
        {
            throw new QuantizationException(tensor.Name,
                $"initializer '{tensor.Name}' is stored as external data, which the converter does not read: save the model with its weights inside the .onnx file");
        }

        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new InvalidOperationException($"initializer '{tensor.Name}' is not float32");
        }

        return tensor.RawData.Length > 0
            ? MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray()
            : [.. tensor.FloatData];
    }

    public static TensorProto Make<T>(string name, TensorProto.Types.DataType type, T[] values, IEnumerable<long> dims)
        where T : unmanaged
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    public static TensorProto Scalar(string name, float value) => Make(name, TensorProto.Types.DataType.Float, [value], []);

}
