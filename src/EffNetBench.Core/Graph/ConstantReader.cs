using System.Buffers.Binary;
using Onnx;

namespace EffNetBench.Core.Graph;

/// <summary>
/// Reads dims and (only for small tensors) values of a <see cref="TensorProto"/>. Never copies
/// raw_data: values are read from the span of the protobuf buffer.
/// </summary>
internal static class ConstantReader
{
    /// <summary>Largest integral constant whose values are tracked.</summary>
    public const long MaxIntElements = 1024;

    /// <summary>Largest floating constant whose values are tracked (scales, scalars).</summary>
    public const long MaxFloatElements = 64;

    public static long[] Dims(TensorProto tensor)
    {
        var dims = new long[tensor.Dims.Count];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = tensor.Dims[i];
        }

        return dims;
    }

    public static TensorFacts Facts(TensorProto tensor)
    {
        var dims = Dims(tensor);
        var valid = dims.All(d => d >= 0);
        if (!valid)
        {
            return TensorFacts.Unknown(tensor.DataType);
        }

        long count;
        try
        {
            count = ShapeMath.Product(dims);
        }
        catch (OverflowException)
        {
            return TensorFacts.Unknown(tensor.DataType);
        }

        long[]? ints = null;
        double[]? floats = null;
        if (tensor.DataLocation != TensorProto.Types.DataLocation.External)
        {
            if (ElementTypes.IsIntegral(tensor.DataType) && count <= MaxIntElements)
            {
                ints = ReadInts(tensor, (int)count);
            }
            else if (ElementTypes.IsFloating(tensor.DataType) && count <= MaxFloatElements)
            {
                floats = ReadFloats(tensor, (int)count);
            }
        }

        return new TensorFacts { ElemType = tensor.DataType, Shape = dims, Ints = ints, Floats = floats, IsConstant = true };
    }

    private static long[]? ReadInts(TensorProto t, int count)
    {
        var result = new long[count];
        var raw = t.RawData.Span;
        var type = t.DataType;
        if (!raw.IsEmpty)
        {
            var size = ElementTypes.Bits(type) / 8;
            if (size == 0 || raw.Length != count * size)
            {
                return null;
            }

            for (var i = 0; i < count; i++)
            {
                var s = raw.Slice(i * size, size);
                result[i] = type switch
                {
                    ElementTypes.Int64 => BinaryPrimitives.ReadInt64LittleEndian(s),
                    ElementTypes.Uint64 => (long)BinaryPrimitives.ReadUInt64LittleEndian(s),
                    ElementTypes.Int32 => BinaryPrimitives.ReadInt32LittleEndian(s),
                    ElementTypes.Uint32 => BinaryPrimitives.ReadUInt32LittleEndian(s),
                    ElementTypes.Int16 => BinaryPrimitives.ReadInt16LittleEndian(s),
                    ElementTypes.Uint16 => BinaryPrimitives.ReadUInt16LittleEndian(s),
                    ElementTypes.Int8 => (sbyte)s[0],
                    _ => s[0],
                };
            }

            return result;
        }

        switch (type)
        {
            case ElementTypes.Int64 when t.Int64Data.Count == count:
                for (var i = 0; i < count; i++)
                {
                    result[i] = t.Int64Data[i];
                }

                return result;
            case ElementTypes.Uint32 or ElementTypes.Uint64 when t.Uint64Data.Count == count:
                for (var i = 0; i < count; i++)
                {
                    result[i] = (long)t.Uint64Data[i];
                }

                return result;
            case ElementTypes.Int32 or ElementTypes.Int16 or ElementTypes.Int8 or ElementTypes.Uint16 or ElementTypes.Uint8 or ElementTypes.Bool
                when t.Int32Data.Count == count:
                for (var i = 0; i < count; i++)
                {
                    result[i] = t.Int32Data[i];
                }

                return result;
            default:
                return null;
        }
    }

    private static double[]? ReadFloats(TensorProto t, int count)
    {
        var result = new double[count];
        var raw = t.RawData.Span;
        var type = t.DataType;
        if (!raw.IsEmpty)
        {
            var size = type switch
            {
                ElementTypes.Float => 4,
                ElementTypes.Double => 8,
                ElementTypes.Float16 or ElementTypes.Bfloat16 => 2,
                _ => 0,
            };
            if (size == 0 || raw.Length != count * size)
            {
                return null;
            }

            for (var i = 0; i < count; i++)
            {
                var s = raw.Slice(i * size, size);
                result[i] = type switch
                {
                    ElementTypes.Float => BinaryPrimitives.ReadSingleLittleEndian(s),
                    ElementTypes.Double => BinaryPrimitives.ReadDoubleLittleEndian(s),
                    ElementTypes.Float16 => (double)BinaryPrimitives.ReadHalfLittleEndian(s),
                    _ => BFloat16(BinaryPrimitives.ReadUInt16LittleEndian(s)),
                };
            }

            return result;
        }

        switch (type)
        {
            case ElementTypes.Float when t.FloatData.Count == count:
                for (var i = 0; i < count; i++)
                {
                    result[i] = t.FloatData[i];
                }

                return result;
            case ElementTypes.Double when t.DoubleData.Count == count:
                for (var i = 0; i < count; i++)
                {
                    result[i] = t.DoubleData[i];
                }

                return result;
            case ElementTypes.Float16 when t.Int32Data.Count == count:
                for (var i = 0; i < count; i++)
                {
                    result[i] = (double)BitConverter.UInt16BitsToHalf((ushort)t.Int32Data[i]);
                }

                return result;
            case ElementTypes.Bfloat16 when t.Int32Data.Count == count:
                for (var i = 0; i < count; i++)
                {
                    result[i] = BFloat16((ushort)t.Int32Data[i]);
                }

                return result;
            default:
                return null;
        }
    }

    private static double BFloat16(ushort bits) => BitConverter.Int32BitsToSingle(bits << 16);
}
