using Google.Protobuf;
using Onnx;

namespace EffNetBench.Core.OnnxModels;

/// <summary>ONNX models as files: the tool's own made (<see cref="Create"/>), any loaded into OnnxSharp's <see cref="ModelProto"/>.</summary>
public static class OnnxModelFile
{
    /// <summary>The producer_name of every model the tool makes.</summary>
    public const string Producer = "effnet-bench";

    /// <summary>IR version 8 (ONNX 1.13), which goes with opsets 17 and 18.</summary>
    public const long IrVersion = 8;

    /// <summary>A model of the tool's own around <paramref name="graph"/>, importing the default domain at
    /// <paramref name="opset"/> and the <paramref name="domains"/> given.</summary>
    public static ModelProto Create(GraphProto graph, long opset, params (string Domain, long Version)[] domains)
    {
        var model = new ModelProto { IrVersion = IrVersion, ProducerName = Producer, ProducerVersion = ToolVersion.Current, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = opset });
        foreach ((string domain, long version) in domains)
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        }

        return model;
    }

    /// <summary>
    /// Parses the file at <paramref name="path"/> with a single streaming read.
    /// </summary>
    /// <exception cref="ModelLoadException">
    /// The file is missing or a folder (bad usage), or unreadable, is not an ONNX protobuf (parse failure, no graph, no
    /// ir_version), or is truncated.
    /// </exception>
    public static ModelProto Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new ModelLoadException(path, $"'{path}' is a folder, not an ONNX file: pass the path of a .onnx file", kind: ErrorKind.Usage);
        }

        if (!File.Exists(path))
        {
            throw new ModelLoadException(path, $"ONNX model file '{path}' does not exist: check the path, or export or download the model first", kind: ErrorKind.Usage);
        }

        ModelProto model;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
            if (stream.Length == 0)
            {
                throw new ModelLoadException(path, $"'{path}' is empty; re-download or re-export the model.");
            }

            model = ModelProto.Parser.ParseFrom(stream);
        }
        catch (ModelLoadException)
        {
            throw;
        }
        catch (InvalidProtocolBufferException ex) when (ex.Message.Contains("truncated", StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelLoadException(path, $"'{path}' is truncated (the ONNX protobuf ends early); re-download or re-export the model.", ex);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ModelLoadException(path, $"'{path}' is not an ONNX model (protobuf parse failed: {OneLine(ex.Message)}); pass a .onnx file exported by an ONNX exporter.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ModelLoadException(path, $"'{path}' cannot be read (access denied); fix the file permissions.", ex);
        }
        catch (IOException ex)
        {
            throw new ModelLoadException(path, $"'{path}' could not be read ({OneLine(ex.Message)}); check the file and retry.", ex);
        }

        if (model.Graph is null || model.IrVersion <= 0)
        {
            var missing = model.Graph is null ? "no graph" : "no ir_version";
            throw new ModelLoadException(path, $"'{path}' is not an ONNX model ({missing}); pass a .onnx file exported by an ONNX exporter.");
        }

        return model;
    }

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
