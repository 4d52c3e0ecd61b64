/**
 * Reading Excel workbooks (.xlsx, .xlsm) as rows of text cells, the way a user reads them in Excel, and
 * writing workbooks of text cells. Apache POI opens the container (with its zip-bomb limits) and tells
 * .xls and encrypted files; the parts' XML is read with the Aalto StAX parser, a DOCTYPE refused. Uses no
 * other qcl package.
 */
package dev.qcl.workbook;
