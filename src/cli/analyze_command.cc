// Placeholder until the motion library lands: `bounceback analyze` is not available yet.
#include "cli/cli.h"

namespace bb::cli {
void register_analyze_command(CLI::App& /*app*/, CliContext& /*ctx*/) {}
}  // namespace bb::cli
