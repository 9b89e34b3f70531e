// feed.xml: an Atom feed of the disclosures, newest first. Its dates come
// from the content (a disclosure's `published` date, else 1 January of its
// year), never from the clock, so two builds give the same bytes.
#pragma once

#include <string>
#include <vector>

#include "model/located.h"

namespace gk {

struct FeedEntry {
    std::string title;
    std::string path;     // output path of the page
    std::string summary_html;  // an HTML fragment
    Date updated;
};

struct FeedInfo {
    std::string title;
    std::string subtitle;
    std::string author;
    std::string base_url;  // "" : relative links and urn ids
    std::string id_seed;   // identifies the portal in urn ids (its region)
};

std::string feed_xml(const FeedInfo& info, std::vector<FeedEntry> entries);

}  // namespace gk
