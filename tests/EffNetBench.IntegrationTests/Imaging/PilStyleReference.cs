using EffNetBench.Core.Imaging;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Imaging;

/// <summary>
/// An independent reference for the graph's shrinking: PIL's resample (Resample.c) in doubles. Each output pixel
/// weighs the input pixels within the filter's support widened by the shrink factor (bicubic a = -0.5: support 2;
/// bilinear: 1), centred on (i + 0.5) * in / out and normalised; horizontal pass, then vertical. Then crop, round to
/// 8 bits, and normalise as <see cref="Preprocessor"/> does. NCHW, RGB.
/// </summary>
internal static class PilStyleReference
{
    public static float[] Preprocess(SKBitmap image, Preprocessing p)
    {
        int width = image.Width, height = image.Height;
        (int w, int h) = Preprocessor.ResizedSize(width, height, p.ResizeSize);
        (int left, int top) = Preprocessor.CropOrigin(w, h, p.Resolution);
        bool cubic = p.Interpolation == Interpolation.Bicubic;
        (int[] xStart, double[][] xWeights) = Weights(width, w, cubic);
        (int[] yStart, double[][] yWeights) = Weights(height, h, cubic);
        byte[] pixels = image.Bytes; // RGBA8888
        int r = p.Resolution;
        var result = new float[3 * r * r];
        var rows = new double[height, r];
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < r; x++)
                {
                    int o = x + left;
                    double sum = 0;
                    for (int i = 0; i < xWeights[o].Length; i++)
                    {
                        sum += xWeights[o][i] * pixels[(((y * width) + xStart[o] + i) * 4) + c];
                    }

                    rows[y, x] = sum;
                }
            }

            for (int y = 0; y < r; y++)
            {
                int o = y + top;
                for (int x = 0; x < r; x++)
                {
                    double sum = 0;
                    for (int i = 0; i < yWeights[o].Length; i++)
                    {
                        sum += yWeights[o][i] * rows[yStart[o] + i, x];
                    }

                    double value = Math.Round(Math.Clamp(sum, 0, 255), MidpointRounding.ToEven);
                    result[(c * r * r) + (y * r) + x] = (float)((value * (p.Scale / 255.0 / p.Std[c])) - (p.Mean[c] / p.Std[c]));
                }
            }
        }

        return result;
    }

    private static (int[] Start, double[][] Weights) Weights(int inSize, int outSize, bool cubic)
    {
        double scale = (double)inSize / outSize;
        double widen = Math.Max(scale, 1.0);
        double support = (cubic ? 2.0 : 1.0) * widen;
        var start = new int[outSize];
        var weights = new double[outSize][];
        for (int o = 0; o < outSize; o++)
        {
            double centre = (o + 0.5) * scale;
            int min = Math.Max((int)(centre - support + 0.5), 0);
            int max = Math.Min((int)(centre + support + 0.5), inSize);
            var k = new double[max - min];
            double total = 0;
            for (int x = min; x < max; x++)
            {
                k[x - min] = Filter((x - centre + 0.5) / widen, cubic);
                total += k[x - min];
            }

            for (int i = 0; i < k.Length; i++)
            {
                k[i] /= total;
            }

            start[o] = min;
            weights[o] = k;
        }

        return (start, weights);
    }

    private static double Filter(double x, bool cubic)
    {
        const double a = -0.5;
        x = Math.Abs(x);
        if (!cubic)
        {
            return x < 1 ? 1 - x : 0;
        }

        return x < 1 ? ((((a + 2) * x) - (a + 3)) * x * x) + 1 : x < 2 ? ((((x - 5) * x) + 8) * x - 4) * a : 0;
    }
}
