using System.Text;

namespace EffNetBench.Core.Providers;

/// <summary>
/// The DT_NEEDED entries of an ELF shared library (what `readelf -d` lists as NEEDED): the .dynamic section's entries
/// with tag 1, each an offset into the string table its section header links to. Layout from the System V ABI's ELF
/// specification (gABI, "Dynamic Section"); 64-bit and 32-bit, little- and big-endian.
/// </summary>
public static class ElfDependencies
{
    private const uint ShtDynamic = 6;
    private const long DtNeeded = 1;

    /// <summary>The library names the file needs, in its own order; null when the file is not an ELF file (or has no
    /// section headers, as a stripped-down sstrip'd file).</summary>
    public static IReadOnlyList<string>? Needed(string path)
    {
        using FileStream file = File.OpenRead(path);
        var ident = new byte[16];
        if (file.Read(ident) != 16 || ident[0] != 0x7f || ident[1] != (byte)'E' || ident[2] != (byte)'L' || ident[3] != (byte)'F')
        {
            return null;
        }

        bool wide = ident[4] == 2;
        bool little = ident[5] == 1;
        var reader = new Reader(file, wide, little);

        // e_shoff, e_shentsize, e_shnum from the ELF header.
        long shoff = (long)reader.Word(wide ? 0x28 : 0x20);
        int shentsize = reader.U16(wide ? 0x3A : 0x2E);
        int shnum = reader.U16(wide ? 0x3C : 0x30);
        if (shoff == 0 || shnum == 0)
        {
            return null;
        }

        for (int i = 0; i < shnum; i++)
        {
            long header = shoff + (long)i * shentsize;
            if (reader.U32(header + 4) != ShtDynamic)
            {
                continue;
            }

            (long offset, long size, uint link) = Section(reader, header);
            (long strings, long stringsSize, _) = Section(reader, shoff + (long)link * shentsize);
            int entry = wide ? 16 : 8;
            var needed = new List<string>();
            for (long at = offset; at + entry <= offset + size; at += entry)
            {
                long tag = wide ? (long)reader.Word(at) : (int)reader.U32(at);
                if (tag == 0)
                {
                    break;
                }

                if (tag == DtNeeded)
                {
                    long name = (long)reader.Word(at + (wide ? 8 : 4));
                    if (name < stringsSize)
                    {
                        needed.Add(reader.CString(strings + name));
                    }
                }
            }

            return needed;
        }

        return [];
    }

    /// <summary>sh_offset, sh_size and sh_link of the section header at <paramref name="header"/>.</summary>
    private static (long Offset, long Size, uint Link) Section(Reader reader, long header) => reader.Wide
        ? ((long)reader.Word(header + 0x18), (long)reader.Word(header + 0x20), reader.U32(header + 0x28))
        : (reader.U32(header + 0x10), reader.U32(header + 0x14), reader.U32(header + 0x18));

    private sealed class Reader(FileStream file, bool wide, bool little)
    {
        public bool Wide => wide;

        public ulong Word(long at) => wide ? Read(at, 8) : Read(at, 4);

        public uint U32(long at) => (uint)Read(at, 4);

        public int U16(long at) => (int)Read(at, 2);

        public string CString(long at)
        {
            file.Position = at;
            var bytes = new List<byte>();
            for (int b = file.ReadByte(); b > 0 && bytes.Count < 4096; b = file.ReadByte())
            {
                bytes.Add((byte)b);
            }

            return Encoding.UTF8.GetString([.. bytes]);
        }

        private ulong Read(long at, int count)
        {
            file.Position = at;
            Span<byte> buffer = stackalloc byte[8];
            file.ReadExactly(buffer[..count]);
            ulong value = 0;
            for (int i = 0; i < count; i++)
            {
                value |= (ulong)buffer[little ? i : count - 1 - i] << (8 * i);
            }

            return value;
        }
    }
}
