#include "cli/cli.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "diag/did_you_mean.h"
#include "pipeline.h"

namespace gk {

namespace {

constexpr std::string_view kUsage =
    "usage: gongkai <command> [options]\n"
    "\n"
    "commands:\n"
    "  build [--content DIR] [--out DIR] [--theme DIR] [--base-url URL] [--jobs N] [--quiet] [--strict]\n"
    "        check the content and write the portal (default: content -> site)\n"
    "  check [--content DIR] [--strict]\n"
    "        check the content and report every problem\n"
    "  serve [--content DIR] [--port N] [--theme DIR]\n"
    "        preview on 127.0.0.1 (default port 8000, 0: any free port), rebuilding on change\n"
    "  new <dept-id> <year> [--content DIR]\n"
    "        scaffold the files of a department-year, never overwriting one\n"
    "\n"
    "exit status: 0 success, 1 content errors, 2 wrong usage or an I/O failure\n";

struct Parsed {
    std::string command;
    BuildOptions options;
    std::vector<std::string> positional;
    std::string port;  // serve: checked by run_serve
};

int usage_error(const std::string& message) {
    std::cerr << "gongkai: error: " << message << "\n\n" << kUsage;
    return kExitUsageOrIo;
}

// Options each command takes; anything else is a usage error.
std::vector<std::string_view> options_for(std::string_view command) {
    if (command == "build") return {"--content", "--out", "--theme", "--base-url", "--jobs", "--quiet", "--strict"};
    if (command == "check") return {"--content", "--strict"};
    if (command == "serve") return {"--content", "--port", "--theme"};
    if (command == "new") return {"--content"};
    return {};
}

std::optional<int> parse(int argc, char** argv, Parsed& parsed) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage_error("no command given");
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsage;
        return kExitOk;
    }
    if (args[0] == "--version") {
        std::cout << "gongkai " << GONGKAI_VERSION << '\n';
        return kExitOk;
    }
    parsed.command = args[0];
    const std::vector<std::string_view> allowed = options_for(parsed.command);
    if (allowed.empty()) {
        std::vector<std::string_view> commands{"build", "check", "serve", "new"};
        std::string message = "unknown command '" + parsed.command + "'";
        if (auto s = closest_match(parsed.command, commands)) message += "; did you mean '" + *s + "'?";
        return usage_error(message);
    }
    BuildOptions& o = parsed.options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        std::string arg = args[i];
        std::string value;
        bool has_inline_value = false;
        if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
            has_inline_value = true;
        }
        if (!arg.starts_with("--")) {
            parsed.positional.push_back(arg);
            continue;
        }
        if (std::find(allowed.begin(), allowed.end(), arg) == allowed.end()) {
            std::string message = "unknown option '" + arg + "' for '" + parsed.command + "'";
            if (auto s = closest_match(arg, allowed)) message += "; did you mean '" + *s + "'?";
            return usage_error(message);
        }
        if (arg == "--quiet" || arg == "--strict") {
            if (has_inline_value) return usage_error("option '" + arg + "' takes no value");
            (arg == "--quiet" ? o.quiet : o.strict) = true;
            continue;
        }
        if (!has_inline_value) {
            if (i + 1 >= args.size()) return usage_error("option '" + arg + "' needs a value");
            value = args[++i];
        }
        if (arg == "--port") parsed.port = value;
        else if (arg == "--content") o.content_dir = value;
        else if (arg == "--out") o.out_dir = value;
        else if (arg == "--theme") o.theme_dir = value;
        else if (arg == "--base-url") {
            o.base_url = value;
            o.base_url_set = true;
        } else if (arg == "--jobs") {
            unsigned jobs = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), jobs);
            if (ec != std::errc() || end != value.data() + value.size() || jobs == 0 || jobs > 256)
                return usage_error("--jobs needs a number from 1 to 256, got '" + value + "'");
            o.jobs = jobs;
        }
    }
    if (!parsed.positional.empty() && parsed.command != "new") return usage_error("unexpected argument '" + parsed.positional[0] + "'");
    return std::nullopt;
}

}  // namespace

int run_cli(int argc, char** argv, void (*return_free_memory)()) {
    Parsed parsed;
    if (const std::optional<int> early = parse(argc, argv, parsed)) return *early;
    if (parsed.command == "check") return run_check(parsed.options, std::cerr);
    if (parsed.command == "new") return run_new(parsed.positional, parsed.options.content_dir, std::cout, std::cerr);
    if (parsed.command == "serve") return run_serve(parsed.options, parsed.port, std::cout, std::cerr);
    // The progress line only where someone watches: a terminal, and not --quiet.
    parsed.options.progress = !parsed.options.quiet && ::isatty(STDERR_FILENO) == 1;
    // `build` ends the process; a build under AddressSanitizer checks for
    // leaks at exit, and must find none.
#if defined(__SANITIZE_ADDRESS__)
    parsed.options.leave_memory_to_exit = false;
#else
    parsed.options.leave_memory_to_exit = true;
#endif
    parsed.options.return_free_memory = return_free_memory;
    return run_build(parsed.options, std::cout, std::cerr);
}

}  // namespace gk
