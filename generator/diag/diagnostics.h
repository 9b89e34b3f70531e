// The one sink every stage reports problems to. Stages never throw for bad
// content: they report and carry on, so one run shows every problem.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "diag/source.h"

namespace gk {

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string path;             // the file or folder the problem is in
    std::uint32_t line = 0;       // 0: the file as a whole
    std::uint32_t column = 0;
    std::string message;
    std::string source_line;  // the line quoted under the message (copied: it outlives the content)
};

class Diagnostics {
public:
    void error(SourceLoc loc, std::string message);
    void warning(SourceLoc loc, std::string message);
    // For a path we have no SourceFile for (a folder, an unreadable file).
    void error(std::string path, std::string message);
    void report(Diagnostic d);
    // Moves every problem `other` holds here, in the order it was reported
    // there (a stage that checks parts on several threads gathers them in
    // the order one thread would have found them).
    void append(Diagnostics&& other);

    std::size_t error_count() const;
    std::size_t warning_count() const;
    bool has_errors() const { return error_count() > 0; }

    // --strict: every warning becomes an error.
    void promote_warnings();

    // By path, line, column, then severity and message, so output does not
    // depend on the order in which threads or the file system found things.
    std::vector<Diagnostic> sorted() const;

private:
    mutable std::mutex mutex_;
    std::vector<Diagnostic> items_;
};

// "path:line:col: error: message", then the quoted line and a caret under the
// column when the line is known.
std::string format_diagnostic(const Diagnostic& d);

// All diagnostics, sorted, then "2 errors and 1 warning in 2 files"; empty
// when there is nothing to say.
std::string format_report(const Diagnostics& diagnostics);

}  // namespace gk
