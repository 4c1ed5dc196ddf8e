using System.Numerics;

namespace EffNetBench.Core.Graph;

/// <summary>Unary, binary and variadic element-wise operators.</summary>
internal static class ElementwiseRules
{
    /// <summary>Unary ops costing one FLOP per output element (activations count as one elementary op).</summary>
    public static readonly string[] UnaryOps =
    [
        "Relu", "LeakyRelu", "Clip", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh", "Elu", "Selu", "Celu",
        "Softplus", "Softsign", "Erf", "Exp", "Log", "Sqrt", "Neg", "Abs", "Reciprocal", "Floor", "Ceil",
        "Round", "Sign", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Asinh", "Acosh",
        "Atanh", "Not", "IsNaN", "IsInf", "Gelu", "Mish", "ThresholdedRelu", "Shrink", "CumSum", "Swish",
    ];

    /// <summary>Binary broadcasting ops costing one FLOP per output element.</summary>
    public static readonly string[] BinaryOps =
    [
        "Add", "Sub", "Mul", "Div", "Pow", "Mod", "PRelu", "Equal", "Less", "Greater", "LessOrEqual",
        "GreaterOrEqual", "And", "Or", "Xor", "BitShift", "BitwiseAnd", "BitwiseOr", "BitwiseXor",
    ];

    /// <summary>Variadic broadcasting ops: (inputs - 1) FLOPs per output element, Mean one more.</summary>
    public static readonly string[] VariadicOps = ["Sum", "Max", "Min", "Mean"];

    public static void Unary(NodeContext c)
    {
        var x = c.In(0);
        var shape = c.Shape(0);
        var type = c.OpType is "Not" or "IsNaN" or "IsInf" ? ElementTypes.Bool : x.ElemType;
        long[]? ints = null;
        double[]? floats = null;
        Func<double, double>? f = c.OpType switch
        {
            "Neg" => v => -v,
            "Abs" => Math.Abs,
            "Floor" => Math.Floor,
            "Ceil" => Math.Ceiling,
            "Round" => v => Math.Round(v, MidpointRounding.ToEven),
            "Sqrt" => Math.Sqrt,
            "Relu" => v => Math.Max(v, 0),
            _ => null,
        };
        if (f is not null)
        {
            if (x.Ints is not null && ElementTypes.IsIntegral(type))
            {
                ints = x.Ints.Select(v => (long)f(v)).ToArray();
            }
            else if (x.Floats is not null)
            {
                floats = x.Floats.Select(f).ToArray();
            }
        }

        c.Out(0, type, shape, ints, floats);
        c.OtherFlops = ShapeMath.Product(shape);
    }

    public static void Binary(NodeContext c) => Broadcasting(c, 2, 2);

    public static void Variadic(NodeContext c) => Broadcasting(c, 1, int.MaxValue);

    public static void Where(NodeContext c) => Broadcasting(c, 3, 3);

    private static void Broadcasting(NodeContext c, int min, int max)
    {
        var n = c.InputCount;
        if (n < min || n > max)
        {
            throw new NotCountableException($"{c.OpType} expects {min}..{max} inputs");
        }

        var inputs = new TensorFacts[n];
        var shapes = new long[n][];
        for (var i = 0; i < n; i++)
        {
            inputs[i] = c.In(i);
            shapes[i] = c.Shape(i);
        }

        var outShape = ShapeMath.Broadcast(shapes);
        var op = c.OpType;
        var type = op switch
        {
            "Equal" or "Less" or "Greater" or "LessOrEqual" or "GreaterOrEqual" or "And" or "Or" or "Xor" => ElementTypes.Bool,
            "Where" => inputs[1].ElemType,
            _ => inputs[0].ElemType,
        };

        var outCount = ShapeMath.Product(outShape);
        long[]? ints = null;
        double[]? floats = null;
        if (outCount <= ConstantReader.MaxIntElements && inputs.All(i => i.HasValues))
        {
            Evaluate(op, inputs, shapes, outShape, (int)outCount, type, out ints, out floats);
        }

        c.Out(0, type, outShape, ints, floats);
        c.OtherFlops = op switch
        {
            "Sum" or "Max" or "Min" => checked(outCount * (n - 1)),
            "Mean" => checked(outCount * n),
            _ => outCount,
        };
    }

    private static void Evaluate(string op, TensorFacts[] inputs, long[][] shapes, long[] outShape, int count, int type, out long[]? ints, out double[]? floats)
    {
        ints = null;
        floats = null;
        var anyFloat = inputs.Any(i => i.Ints is null);
        if (!anyFloat && (ElementTypes.IsIntegral(type) || type == ElementTypes.Bool))
        {
            ints = Fold(op, inputs.Length, count, (input, k) => Int(inputs, shapes, outShape, input, k));
            return;
        }

        double[]? result = Fold(op, inputs.Length, count, (input, k) => Dbl(inputs, shapes, outShape, input, k));
        if (result is null)
        {
            return;
        }

        if (ElementTypes.IsIntegral(type))
        {
            ints = result.Select(v => (long)v).ToArray();
        }
        else
        {
            floats = result;
        }
    }

    /// <summary>The op applied left to right over every input at each output element; null when it cannot be folded
    /// (an op this folder does not know for <typeparamref name="T"/>, an integer division by zero).</summary>
    private static T[]? Fold<T>(string op, int inputCount, int count, Func<int, long, T> read)
        where T : struct, INumber<T>
    {
        var result = new T[count];
        for (var k = 0; k < count; k++)
        {
            T acc = read(0, k);
            for (var j = 1; j < inputCount; j++)
            {
                T v = read(j, k);
                T? next = op == "Where"
                    ? (j == 1 ? (T.IsZero(acc) ? read(2, k) : v) : acc)
                    : Step(op, acc, v);
                if (next is null)
                {
                    return null;
                }

                acc = next.Value;
            }

            result[k] = acc;
        }

        return result;
    }

    /// <summary>One binary step. Integers: checked arithmetic, integer division and Mod (refused by zero), And/Or; reals:
    /// IEEE arithmetic and Pow. Comparisons give 1 or 0 in either.</summary>
    private static T? Step<T>(string op, T acc, T v)
        where T : struct, INumber<T>
    {
        bool integer = typeof(T) == typeof(long);
        return op switch
        {
            "Add" or "Sum" => checked(acc + v),
            "Sub" => checked(acc - v),
            "Mul" => checked(acc * v),
            "Div" => integer && T.IsZero(v) ? null : acc / v,
            "Mod" when integer => T.IsZero(v) ? null : acc % v,
            "Max" => T.Max(acc, v),
            "Min" => T.Min(acc, v),
            "Pow" when !integer => T.CreateChecked(Math.Pow(double.CreateChecked(acc), double.CreateChecked(v))),
            "Equal" => acc == v ? T.One : T.Zero,
            "Less" => acc < v ? T.One : T.Zero,
            "Greater" => acc > v ? T.One : T.Zero,
            "LessOrEqual" => acc <= v ? T.One : T.Zero,
            "GreaterOrEqual" => acc >= v ? T.One : T.Zero,
            "And" when integer => !T.IsZero(acc) && !T.IsZero(v) ? T.One : T.Zero,
            "Or" when integer => !T.IsZero(acc) || !T.IsZero(v) ? T.One : T.Zero,
            _ => null,
        };
    }

    private static long Int(TensorFacts[] inputs, long[][] shapes, long[] outShape, int input, long k) =>
        inputs[input].Ints![ShapeMath.BroadcastSourceIndex(k, outShape, shapes[input])];

    private static double Dbl(TensorFacts[] inputs, long[][] shapes, long[] outShape, int input, long k)
    {
        var idx = ShapeMath.BroadcastSourceIndex(k, outShape, shapes[input]);
        var f = inputs[input];
        return f.Floats is not null ? f.Floats[idx] : f.Ints![idx];
    }
}
