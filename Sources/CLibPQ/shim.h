#ifndef PDMON_CLIBPQ_SHIM_H
#define PDMON_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
