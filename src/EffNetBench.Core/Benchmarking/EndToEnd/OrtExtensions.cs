using EffNetBench.Core.Imaging;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.Core.Benchmarking.EndToEnd;

/// <summary>
/// The onnxruntime-extensions custom ops (DecodeImage) in a session: the native library of the
/// Microsoft.ML.OnnxRuntime.Extensions package through <see cref="SessionOptions.RegisterOrtExtensions"/>, or the library
/// named by <see cref="EnvironmentVariable"/> (a platform the package has no usable build for, or a build of your own).
/// </summary>
public static class OrtExtensions
{
    public const string EnvironmentVariable = "EFFNET_BENCH_ORT_EXTENSIONS";

    /// <summary>Adds the extension ops to <paramref name="options"/>.</summary>
    /// <exception cref="EndToEndUnavailableException">The library cannot be found or loaded.</exception>
    public static void Register(SessionOptions options) => Register(options, Environment.GetEnvironmentVariable(EnvironmentVariable));

    internal static void Register(SessionOptions options, string? library)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            if (string.IsNullOrWhiteSpace(library))
            {
                options.RegisterOrtExtensions();
                return;
            }

            string full = Path.GetFullPath(library.Trim());
            if (!File.Exists(full))
            {
                throw new EndToEndUnavailableException($"the ONNX Runtime Extensions library {full} (from {EnvironmentVariable}) does not exist");
            }

            options.RegisterCustomOpLibrary(full);
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            string source = string.IsNullOrWhiteSpace(library) ? "the Microsoft.ML.OnnxRuntime.Extensions package" : EnvironmentVariable;
            throw new EndToEndUnavailableException($"ONNX Runtime Extensions could not be loaded on this platform ({source}): {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>
    /// Runs DecodeImage alone on <paramref name="image"/>: the decoded (width, height) it produces, or an
    /// <see cref="EndToEndUnavailableException"/> saying why end-to-end cannot be measured here (no library, a library
    /// without DecodeImage, or an image DecodeImage rejects).
    /// </summary>
    public static (int Width, int Height) Probe(byte[] image) =>
        Probe(image, options => Register(options));

    /// <param name="register">Adds the custom ops to the options (the seam tests use to leave DecodeImage out).</param>
    internal static (int Width, int Height) Probe(byte[] image, Action<SessionOptions> register)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        register(options);
        InferenceSession session;
        try
        {
            session = new InferenceSession(PreprocessingGraph.DecodeShapeProbe().ToByteArray(), options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new EndToEndUnavailableException(
                $"the ONNX Runtime Extensions library here has no {PreprocessingGraph.DecodeOp} op ({PreprocessingGraph.ExtensionsDomain}): {FirstLine(e.Message)}", e);
        }

        using (session)
        {
            try
            {
                using OrtValue input = OrtValue.CreateTensorValueFromMemory(image, [image.LongLength]);
                using var runOptions = new RunOptions();
                using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(runOptions, [PreprocessingGraph.InputName], [input], session.OutputNames);
                ReadOnlySpan<long> shape = outputs[0].GetTensorDataAsSpan<long>();
                return ((int)shape[1], (int)shape[0]);
            }
            catch (OnnxRuntimeException e)
            {
                throw new EndToEndUnavailableException($"{PreprocessingGraph.DecodeOp} (onnxruntime-extensions) cannot decode the image: {FirstLine(e.Message)}", e);
            }
        }
    }

    internal static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');
}
