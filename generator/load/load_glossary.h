// glossary.toml -> Glossary.
#pragma once

#include "load/toml_document.h"
#include "model/glossary.h"

namespace gk {

Glossary load_glossary(const TomlDocument& doc, Diagnostics& diagnostics);

}  // namespace gk
