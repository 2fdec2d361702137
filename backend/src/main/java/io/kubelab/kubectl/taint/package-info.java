/** kubectl taint: node taints as kubectl merges them. */
package io.kubelab.kubectl.taint;
