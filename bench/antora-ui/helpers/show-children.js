'use strict'

// Full navigation (what Antora's default UI puts in every page): every item's children. With the key
// nav=branch (antora --key nav=branch), only the children of the items on the current page's branch, so a
// page carries what a docsite page does: the audiences, its audience's sections and its own section's pages.
module.exports = (item, { data: { root } }) =>
  root.site.keys.nav !== 'branch' || (root.page.breadcrumbs || []).includes(item)
