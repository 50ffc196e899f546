/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-speelveld-document-private.h: what tests may ask of the last drawn playing field */
#pragma once

#include "raad-speelveld-document.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} RaadSpeelveldBox;

/* The boxes of the parties (in list order) as last drawn, and the field they must stay in,
 * in the design space (at least A4 landscape in points; equal to the drawing size at A4). */
GArray *_raad_speelveld_document_get_boxes (RaadSpeelveldDocument *self,
                                            RaadSpeelveldBox      *field);

G_END_DECLS
