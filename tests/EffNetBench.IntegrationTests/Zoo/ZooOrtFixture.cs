using EffNetBench.Core.Zoo;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EffNetBench.IntegrationTests.Zoo;

/// <summary>Runs generated models in ONNX Runtime's CPU provider.</summary>
internal static class ZooOrt
{
    public static float[] RandomInput(int batch, int resolution, int seed = 7)
    {
        var random = new Random(seed);
        var data = new float[batch * 3 * resolution * resolution];
        for (int i = 0; i < data.Length; i++)
        {
            // Box-Muller: a normalised image has roughly unit-Gaussian pixels.
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            data[i] = (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return data;
    }

    /// <summary>Runs the model once and returns every output by name.</summary>
    public static Dictionary<string, (int[] Shape, float[] Values)> Run(Onnx.ModelProto model, int batch, int resolution, float[]? input = null)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 2 };
        using var session = new InferenceSession(model.ToByteArray(), options);
        input ??= RandomInput(batch, resolution);
        var tensor = new DenseTensor<float>(input, [batch, 3, resolution, resolution]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(ExportOptions.InputName, tensor)]);
        return results.ToDictionary(
            r => r.Name,
            r =>
            {
                var t = r.AsTensor<float>();
                return (t.Dimensions.ToArray(), t.ToArray());
            });
    }

    public static (double Mean, double Std, double MaxAbs) Stats(float[] values)
    {
        double sum = 0, sumSq = 0, maxAbs = 0;
        foreach (float v in values)
        {
            sum += v;
            sumSq += (double)v * v;
            maxAbs = Math.Max(maxAbs, Math.Abs(v));
        }

        double mean = sum / values.Length;
        return (mean, Math.Sqrt(Math.Max(0, (sumSq / values.Length) - (mean * mean))), maxAbs);
    }
}
