#ifndef CXLSXWRITER_SHIM_H
#define CXLSXWRITER_SHIM_H
// libxlsxwriter (Debian libxlsxwriter-dev): writes .xlsx workbooks; carbonsim's Excel output.
#include <xlsxwriter.h>
#endif
