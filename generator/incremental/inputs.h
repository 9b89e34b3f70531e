// The files a build reads, found and stat()ed before any of them is read:
// if one changes while the build runs, its stamp in the manifest is the old
// one and the next build sees the change.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "incremental/file_stamp.h"
#include "incremental/manifest.h"

namespace gk {

struct InputFile {
    std::string path;  // where to read it; "" for what is not a regular file
    FileStamp stamp;
    // What stands for the file's bytes when it need not be read: the
    // program's build ID instead of tens of megabytes of executable.
    std::optional<std::string> bytes = std::nullopt;
};

using InputFiles = std::map<std::string, InputFile>;  // by key, as in InputRecords

// Every regular file under `dir`, keyed "<prefix>/<path under dir>". Names
// starting with '.' are skipped at every level, as the loaders skip them;
// folders reached through symbolic links are followed, as the loaders do.
// The files are stat()ed on `jobs` threads.
void scan_folder(const std::string& dir, const std::string& prefix, InputFiles& into, unsigned jobs = 1);

// The running gongkai program, keyed "gongkai": a rebuilt generator may
// write other bytes even when its version number did not change. It is
// known by its GNU build ID when it has one, by its bytes otherwise.
void scan_program(InputFiles& into);

// The bytes that fingerprint an input: `bytes` when set, else the file's
// contents ("" for what is not a regular file); nullopt when unreadable.
std::optional<std::string> input_bytes(const InputFile& file);

// Hash of every file, on up to `jobs` threads. A file whose stamp equals
// the one in `known` (looked up first) or in `known_before` is not read
// again: two maps rather than one merged, whose copy of the previous
// manifest's 27,000 inputs at 9,000 department-years showed in a rebuild.
// A file whose stamp is no longer the one in `files` (edited while the
// build ran) gets a record that matches nothing, so the next build reads
// it again. nullopt when a file cannot be read.
std::optional<InputRecords> fingerprint_inputs(const InputFiles& files, const InputRecords& known,
                                               const InputRecords& known_before, unsigned jobs = 1);
std::optional<InputRecords> fingerprint_inputs(const InputFiles& files, const InputRecords& known,
                                               unsigned jobs = 1);

}  // namespace gk
