//go:build mutation

package store

func init() { skipSlow = true }
