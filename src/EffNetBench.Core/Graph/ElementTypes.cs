namespace EffNetBench.Core.Graph;

/// <summary>ONNX TensorProto.DataType codes, names and sizes.</summary>
internal static class ElementTypes
{
    public const int Undefined = 0;
    public const int Float = 1;
    public const int Uint8 = 2;
    public const int Int8 = 3;
    public const int Uint16 = 4;
    public const int Int16 = 5;
    public const int Int32 = 6;
    public const int Int64 = 7;
    public const int String = 8;
    public const int Bool = 9;
    public const int Float16 = 10;
    public const int Double = 11;
    public const int Uint32 = 12;
    public const int Uint64 = 13;
    public const int Complex64 = 14;
    public const int Complex128 = 15;
    public const int Bfloat16 = 16;

    public static string Name(int type) => type switch
    {
        Float => "float32",
        Uint8 => "uint8",
        Int8 => "int8",
        Uint16 => "uint16",
        Int16 => "int16",
        Int32 => "int32",
        Int64 => "int64",
        String => "string",
        Bool => "bool",
        Float16 => "float16",
        Double => "float64",
        Uint32 => "uint32",
        Uint64 => "uint64",
        Complex64 => "complex64",
        Complex128 => "complex128",
        Bfloat16 => "bfloat16",
        17 => "float8e4m3fn",
        18 => "float8e4m3fnuz",
        19 => "float8e5m2",
        20 => "float8e5m2fnuz",
        21 => "uint4",
        22 => "int4",
        23 => "float4e2m1",
        _ => "undefined",
    };

    /// <summary>Bits per element; 0 when unknown (undefined, string).</summary>
    public static int Bits(int type) => type switch
    {
        Float or Int32 or Uint32 => 32,
        Uint8 or Int8 or Bool or 17 or 18 or 19 or 20 => 8,
        Uint16 or Int16 or Float16 or Bfloat16 => 16,
        Int64 or Double or Uint64 or Complex64 => 64,
        Complex128 => 128,
        21 or 22 or 23 => 4,
        _ => 0,
    };

    public static bool IsFloating(int type) =>
        type is Float or Float16 or Double or Bfloat16 or (>= 17 and <= 20) or 23;

    /// <summary>Integer and bool types whose values can be tracked as <see cref="long"/>.</summary>
    public static bool IsIntegral(int type) =>
        type is Uint8 or Int8 or Uint16 or Int16 or Int32 or Int64 or Bool or Uint32 or Uint64;

    public static long Bytes(long elements, int type) => checked((elements * Bits(type) + 7) / 8);
}
