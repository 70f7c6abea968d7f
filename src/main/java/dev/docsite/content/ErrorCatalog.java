package dev.docsite.content;

import dev.docsite.content.SourcePos;

import java.util.List;

/** content/errors/<id>.yaml: a titled list of errors. */
public record ErrorCatalog(String id, String title, String path, SourcePos pos, List<ErrorEntry> errors) {}
