// site.toml -> SiteConfig.
#pragma once

#include "load/toml_document.h"
#include "model/site.h"

namespace gk {

SiteConfig load_site(const TomlDocument& doc, Diagnostics& diagnostics);

}  // namespace gk
