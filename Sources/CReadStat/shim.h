// ReadStat (https://github.com/WizardMac/ReadStat), the C library behind R's haven and
// Python's pyreadstat, from Debian's libreadstat-dev. Only the DataFiles module imports this.
#ifndef PLSSEM_CREADSTAT_SHIM_H
#define PLSSEM_CREADSTAT_SHIM_H

#include <readstat.h>

#endif
