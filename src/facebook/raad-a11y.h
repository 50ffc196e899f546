/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-a11y.h: small repairs to what GTK 4.8 tells a screen reader */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button with a mnemonic label twice ("_Save Save"): its label property and
 * the label child it is labelled by. Gives every such button below @root its plain label as
 * its only name. Call after gtk_widget_init_template. */
void raad_a11y_fix_mnemonic_buttons (GtkWidget *root);

/* The toggle button inside a GtkDropDown is what keyboard focus and a screen reader reach,
 * and GTK 4.8 leaves it unnamed: label it by its drop-down (give the drop-down an accessible
 * label). Call after gtk_widget_init_template. */
void raad_a11y_name_drop_downs      (GtkWidget *root);

G_END_DECLS
