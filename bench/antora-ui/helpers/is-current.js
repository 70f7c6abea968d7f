'use strict'

module.exports = (url, { data: { root } }) => url === root.page.url
